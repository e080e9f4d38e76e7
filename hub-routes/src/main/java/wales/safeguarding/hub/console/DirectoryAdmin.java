package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The directory as admins see and edit it. An edit is stored (so it outlives a restart: applied over the directory
 * file at start), audited with who and what changed, and applied to the running directory at once, so the next
 * delivery to the agency uses the new endpoint.
 */
@ApplicationScoped
public class DirectoryAdmin {

    private static final Logger LOG = Logger.getLogger(DirectoryAdmin.class);

    /** An agency as the console shows it: no client ids, no secrets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String id, String kind, Map<String, String> name, String region, String localAuthority,
            String odsCode, String schoolNumber, Agency.Endpoint endpoint, String language,
            List<Agency.Contact> contacts) {

        static Entry of(Agency a) {
            return new Entry(a.id(), a.kind().wireName(), a.name(), a.safeguardingBoard(), a.localAuthority(),
                    a.odsCode(), a.schoolNumber(), a.endpoint(), a.language().code(), a.contacts());
        }
    }

    private final Directory directory;
    private final Transactions transactions;
    private final DirectoryEditRepository edits;
    private final ConsoleAuditRepository audit;
    private final Clock clock;

    public DirectoryAdmin(Directory directory, Transactions transactions, DirectoryEditRepository edits,
            ConsoleAuditRepository audit, Clock clock) {
        this.directory = directory;
        this.transactions = transactions;
        this.edits = edits;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        int applied = applyStoredEdits(directory);
        if (applied > 0) {
            LOG.infof("directory: %d agencies as admins edited them", applied);
        }
    }

    /** Applies the stored edits to {@code target}; returns how many applied. */
    public int applyStoredEdits(Directory target) {
        int applied = 0;
        for (DirectoryEditRepository.Edit edit : transactions.inTransaction(edits::all)) {
            var agency = target.find(edit.agencyId());
            if (agency.isEmpty()) {
                LOG.warnf("directory edit for %s ignored: the directory file no longer has it", edit.agencyId());
                continue;
            }
            target.replace(edit.applyTo(agency.get()));
            applied++;
        }
        return applied;
    }

    public List<Entry> list() {
        return directory.all().stream().map(Entry::of).toList();
    }

    public Entry edit(String agencyId, DirectoryEditRules.Request request, String admin) {
        Agency before = directory.find(agencyId)
                .orElseThrow(() -> ConsoleProblems.notFound("no agency " + agencyId + " in the directory"));
        List<Violation> violations = DirectoryEditRules.violations(request, before);
        if (!violations.isEmpty()) {
            throw ConsoleProblems.invalid(violations);
        }
        Agency after = DirectoryEditRules.apply(request, before);
        List<String> changes = DirectoryEditRules.changes(before, after);
        if (changes.isEmpty()) {
            return Entry.of(before);
        }
        Instant now = clock.instant();
        transactions.inTransaction(c -> {
            edits.save(c, DirectoryEditRepository.Edit.of(after), admin, now);
            audit.record(c, admin, ConsoleAuditRepository.DIRECTORY_EDIT, null, null, agencyId, null,
                    String.join("; ", changes), now);
            return null;
        });
        directory.replace(after);
        LOG.infof("%s edited %s in the directory: %d field(s)", admin, agencyId, changes.size());
        return Entry.of(after);
    }
}
