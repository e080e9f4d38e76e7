package wales.safeguarding.hub.console;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.DirectoryFile;
import wales.safeguarding.hub.directory.DirectoryProducer;
import wales.safeguarding.hub.directory.DirectoryRules;
import wales.safeguarding.hub.directory.DirectoryStore;
import wales.safeguarding.hub.directory.KnownTransports;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The directory as admins see and change it: edit, add and remove an agency, import a whole directory file. Each
 * change is validated against the stored directory under the version row's lock, stored with the version moved on and
 * audited (who, and each field old → new) in one transaction, then swapped into this instance's directory at once;
 * the other instances see the new version at their next poll.
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

    /** What an import adds, changes (field by field) and removes; {@code applied} false for a dry run or no change. */
    public record ImportReport(boolean dryRun, boolean applied, long version, int agencies, int unchanged,
            List<String> added, List<Change> changed, List<String> removed) {
    }

    public record Change(String id, List<String> changes) {
    }

    private final Directory directory;
    private final DirectoryProducer running;
    private final Transactions transactions;
    private final DirectoryStore store;
    private final ConsoleAuditRepository audit;
    private final Clock clock;
    private final Set<String> transports = KnownTransports.onClasspath();

    public DirectoryAdmin(Directory directory, DirectoryProducer running, Transactions transactions,
            DirectoryStore store, ConsoleAuditRepository audit, Clock clock) {
        this.directory = directory;
        this.running = running;
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Entry> list() {
        return directory.all().stream().map(Entry::of).toList();
    }

    public Entry edit(String agencyId, DirectoryEditRules.Request request, String admin) {
        Agency after = transactions.inTransaction(c -> {
            store.lockVersion(c);
            Agency before = stored(c, agencyId);
            List<Violation> violations = DirectoryEditRules.violations(request, before, transports);
            if (!violations.isEmpty()) {
                throw ConsoleProblems.invalid(violations);
            }
            Agency edited = DirectoryEditRules.apply(request, before);
            List<String> changes = DirectoryEditRules.changes(before, edited);
            if (!changes.isEmpty()) {
                Instant now = clock.instant();
                store.put(c, List.of(edited), admin, now);
                long version = store.bump(c, admin, now);
                audit.record(c, admin, ConsoleAuditRepository.DIRECTORY_EDIT, null, null, agencyId, null,
                        String.join("; ", changes), now);
                LOG.infof("%s edited %s in the directory: %d field(s), version %d", admin, agencyId, changes.size(),
                        version);
            }
            return edited;
        });
        running.refreshNow();
        return Entry.of(running.resolver().apply(after));
    }

    /** Adds an agency (the directory file's layout); refused if it breaks a rule of the directory. */
    public Entry add(JsonNode body, String admin) {
        if (body == null || !body.isObject()) {
            throw ConsoleProblems.invalid("/", "required", "an agency as the directory file gives it");
        }
        DirectoryFile.Parsed parsed = DirectoryFile.parse(
                JsonNodeFactory.instance.objectNode().set("agencies",
                        JsonNodeFactory.instance.arrayNode().add(body)));
        if (!parsed.violations().isEmpty()) {
            throw ConsoleProblems.invalid(parsed.violations().stream()
                    .map(v -> new Violation("/", v.rule(), v.message())).toList());
        }
        Agency agency = parsed.agencies().get(0);
        transactions.inTransaction(c -> {
            store.lockVersion(c);
            List<Agency> agencies = new ArrayList<>(store.all(c));
            agencies.add(agency);
            List<Violation> violations = DirectoryRules.violations(agencies, transports).stream()
                    .filter(v -> v.pointer().startsWith("/agencies/" + (agencies.size() - 1) + "/")
                            || v.message().startsWith("agency '" + agency.id() + "'"))
                    .map(v -> new Violation(v.pointer().replace("/agencies/" + (agencies.size() - 1), ""), v.rule(),
                            v.message()))
                    .toList();
            if (!violations.isEmpty()) {
                throw ConsoleProblems.invalid(violations);
            }
            Instant now = clock.instant();
            store.put(c, List.of(agency), admin, now);
            long version = store.bump(c, admin, now);
            audit.record(c, admin, ConsoleAuditRepository.DIRECTORY_ADD, null, null, agency.id(), null,
                    String.join("; ", DirectoryRules.changes(null, agency)), now);
            LOG.infof("%s added %s to the directory, version %d", admin, agency.id(), version);
            return null;
        });
        running.refreshNow();
        return Entry.of(running.resolver().apply(agency));
    }

    /** Removes an agency; refused while another names it as its police force or safeguarding board. */
    public void remove(String agencyId, String admin) {
        transactions.inTransaction(c -> {
            store.lockVersion(c);
            List<Agency> agencies = store.all(c);
            Agency gone = agencies.stream().filter(a -> a.id().equals(agencyId)).findFirst()
                    .orElseThrow(() -> notFound(agencyId));
            List<Violation> namedBy = DirectoryRules.namedBy(agencyId, agencies);
            if (!namedBy.isEmpty()) {
                throw new ProblemException(Problem.of("still-named", "The agency is still named by others", 409,
                        "remove or change the agencies that name " + agencyId + " first", namedBy));
            }
            Instant now = clock.instant();
            store.remove(c, List.of(agencyId));
            long version = store.bump(c, admin, now);
            audit.record(c, admin, ConsoleAuditRepository.DIRECTORY_REMOVE, null, null, agencyId, null,
                    "removed: " + String.join("; ", DirectoryRules.changes(null, gone)), now);
            LOG.infof("%s removed %s from the directory, version %d", admin, agencyId, version);
            return null;
        });
        running.refreshNow();
    }

    /**
     * Makes the stored directory the one in {@code file} (the directory file's layout): what is not in the file is
     * removed. Refused whole, changing nothing, if the file breaks a rule. A dry run only reports.
     */
    public ImportReport importFile(JsonNode file, boolean dryRun, String admin) {
        DirectoryFile.Parsed parsed = DirectoryFile.parse(file);
        List<Violation> violations = new ArrayList<>(parsed.violations());
        if (violations.isEmpty()) {
            violations.addAll(DirectoryRules.violations(parsed.agencies(), transports));
        }
        if (!violations.isEmpty()) {
            throw ConsoleProblems.invalid(violations);
        }
        List<Agency> incoming = parsed.agencies();
        ImportReport report = transactions.inTransaction(c -> {
            long version = dryRun ? store.version(c) : store.lockVersion(c);
            List<Agency> stored = store.all(c);
            DirectoryRules.Diff diff = DirectoryRules.diff(stored, incoming);
            if (dryRun || diff.isEmpty()) {
                return report(dryRun, false, version, incoming.size(), diff);
            }
            Instant now = clock.instant();
            Set<String> added = Set.copyOf(diff.added());
            store.put(c, incoming.stream().filter(a -> added.contains(a.id()) || diff.changed().containsKey(a.id()))
                    .toList(), admin, now);
            store.remove(c, diff.removed());
            long newVersion = store.bump(c, admin, now);
            auditImport(c, admin, diff, stored, incoming, newVersion, now);
            return report(false, true, newVersion, incoming.size(), diff);
        });
        if (report.applied()) {
            LOG.infof("%s imported the directory: %d added, %d changed, %d removed, version %d", admin,
                    report.added().size(), report.changed().size(), report.removed().size(), report.version());
            running.refreshNow();
        }
        return report;
    }

    private void auditImport(Connection c, String admin, DirectoryRules.Diff diff, List<Agency> stored,
            List<Agency> incoming, long version, Instant now) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {null, "import to version " + version + ": " + diff.added().size() + " added, "
                + diff.changed().size() + " changed, " + diff.removed().size() + " removed, " + diff.unchanged()
                + " unchanged"});
        Set<String> added = Set.copyOf(diff.added());
        Set<String> removed = Set.copyOf(diff.removed());
        for (Agency a : incoming) {
            if (added.contains(a.id())) {
                rows.add(new String[] {a.id(), "added: " + String.join("; ", DirectoryRules.changes(null, a))});
            }
        }
        diff.changed().forEach((id, changes) -> rows.add(new String[] {id, String.join("; ", changes)}));
        for (Agency a : stored) {
            if (removed.contains(a.id())) {
                rows.add(new String[] {a.id(), "removed: " + String.join("; ", DirectoryRules.changes(null, a))});
            }
        }
        audit.recordAll(c, admin, ConsoleAuditRepository.DIRECTORY_IMPORT, rows, now);
    }

    private static ImportReport report(boolean dryRun, boolean applied, long version, int agencies,
            DirectoryRules.Diff diff) {
        return new ImportReport(dryRun, applied, version, agencies, diff.unchanged(), diff.added(),
                diff.changed().entrySet().stream().map(e -> new Change(e.getKey(), e.getValue())).toList(),
                diff.removed());
    }

    private Agency stored(Connection c, String agencyId) throws SQLException {
        return store.find(c, agencyId).orElseThrow(() -> notFound(agencyId));
    }

    private static ProblemException notFound(String agencyId) {
        return ConsoleProblems.notFound("no agency " + agencyId + " in the directory");
    }
}
