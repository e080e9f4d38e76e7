package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.EducationProviders;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.rules.ChildKey;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Finds a child's agencies in the directory: the GP practice by ODS code, the school by school number (a pupil
 * referral unit with a school number may be named so), the other education providers by directory id, the police
 * force covering the child's local authority; falls back to what the case record already knows.
 */
@ApplicationScoped
public class CaseParties {

    private final Directory directory;
    private final ChildFingerprints fingerprints;

    public CaseParties(Directory directory, ChildFingerprints fingerprints) {
        this.directory = directory;
        this.fingerprints = fingerprints;
    }

    public Optional<String> gpPractice(ChildRef child, Optional<ChildRecord> known) {
        Optional<String> fromMessage = Optional.ofNullable(child == null ? null : child.gpPractice())
                .flatMap(gp -> directory.byOdsCode(gp.odsCode())).map(Agency::id);
        return fromMessage.or(() -> known.map(ChildRecord::gpPractice));
    }

    public Optional<String> school(ChildRef child, Optional<ChildRecord> known) {
        // after a school-transfer its new school holds: a later message may still carry the school the child left
        Optional<String> transferred = known.filter(ChildRecord::schoolFromTransfer)
                .map(ChildRecord::school);
        if (transferred.isPresent()) {
            return transferred;
        }
        Optional<String> fromMessage = Optional.ofNullable(child == null ? null : child.school())
                .flatMap(school -> directory.bySchoolNumber(school.schoolNumber())).map(Agency::id);
        return fromMessage.or(() -> known.map(ChildRecord::school));
    }

    /**
     * The education providers the child attends besides their school (pupil referral units, EOTAS providers, youth
     * justice and youth support services): as the message names them in {@code otherProvision}, else as the case
     * knows them (those still in the directory as such: one removed since is left out). They take part in the case
     * wherever the school does.
     */
    public List<String> otherProvision(ChildRef child, Optional<ChildRecord> known) {
        List<String> named = named(child);
        return EducationProviders.known(named != null ? named
                : known.map(ChildRecord::otherProvision).orElse(List.of()), directory::find);
    }

    /** The child's school and other education providers, each once, in that order (a party list for a rule). */
    public List<String> educators(ChildRef child, Optional<ChildRecord> known) {
        List<String> educators = new ArrayList<>();
        school(child, known).ifPresent(educators::add);
        otherProvision(child, known).stream().filter(p -> !educators.contains(p)).forEach(educators::add);
        return educators;
    }

    /** The provider ids the message gives for the child, or null when it says nothing of them. */
    static List<String> named(ChildRef child) {
        if (child == null || child.otherProvision() == null) {
            return null;
        }
        return child.otherProvision().stream().map(ChildRef.ProvisionRef::agencyId).filter(Objects::nonNull)
                .distinct().toList();
    }

    public Optional<String> policeForce(ChildRef child, String named, Optional<ChildRecord> known) {
        Optional<String> fromMessage = Optional.ofNullable(named).flatMap(directory::find).map(Agency::id)
                .or(() -> Optional.ofNullable(child == null ? null : child.localAuthority())
                        .flatMap(directory::policeForceFor).map(Agency::id));
        return fromMessage.or(() -> known.map(ChildRecord::policeForce));
    }

    /**
     * The health agencies a conference on {@code conferenceDay} invites for this child ({@link HealthProfessionals}),
     * found for the child's local authority or, when the message names none, the council's: each service with its
     * agency, or with null where the directory knows no such agency for the area (a health board not named by the
     * council; an area without the service is left out, as the procedures ask only for the services an area has).
     */
    public List<HealthInvitee> healthProfessionals(ChildRef child, String councilId, LocalDate conferenceDay) {
        String area = area(child, councilId);
        List<HealthInvitee> invitees = new ArrayList<>();
        for (HealthProfessionals.Service service : HealthProfessionals.forChild(
                child == null ? null : child.dateOfBirth(), conferenceDay)) {
            switch (service) {
                case HEALTH_BOARD -> invitees.add(new HealthInvitee(service,
                        directory.healthBoardFor(area).map(Agency::id).orElse(null)));
                case HEALTH_VISITING -> directory.healthVisitingFor(area)
                        .ifPresent(a -> invitees.add(new HealthInvitee(service, a.id())));
                case SCHOOL_NURSING -> directory.schoolNursingFor(area)
                        .ifPresent(a -> invitees.add(new HealthInvitee(service, a.id())));
            }
        }
        return invitees;
    }

    /** The health board of the child's local authority or, when the message names none, of the council's area. */
    public Optional<String> healthBoard(ChildRef child, String councilId) {
        return directory.healthBoardFor(area(child, councilId)).map(Agency::id);
    }

    /** The ONS code of the child's local authority, or of the council's when the message names none. */
    private String area(ChildRef child, String councilId) {
        return Optional.ofNullable(child == null ? null : child.localAuthority())
                .or(() -> directory.find(councilId).map(Agency::localAuthority)).orElse(null);
    }

    /** A health service a conference invites, and its agency (null: none known for the child's area). */
    public record HealthInvitee(HealthProfessionals.Service service, String agencyId) {
    }

    public Optional<String> council(ChildRef child) {
        return Optional.ofNullable(child == null ? null : child.localAuthority())
                .flatMap(directory::childrensServicesFor).map(Agency::id);
    }

    /** Only children's services send this type; and a case belongs to one council. */
    /** The regional safeguarding board of the council {@code councilId}, from the directory, if it names one. */
    public Optional<String> boardOf(String councilId) {
        return directory.find(councilId).flatMap(directory::safeguardingBoardOf).map(Agency::id);
    }

    public Optional<Violation> councilSends(Envelope message, Optional<CaseRecord> known) {
        boolean council = directory.find(message.sender()).map(a -> a.kind() == AgencyKind.COUNCIL).orElse(false);
        if (!council) {
            return Optional.of(new Violation("/sender", "council-only-type",
                    message.type().wireName() + " messages are sent by children's services"));
        }
        if (known.isPresent() && !known.get().council().equals(message.sender())) {
            return Optional.of(new Violation("/caseReference", "case-of-sender",
                    "case " + message.caseReference() + " is held by another council"));
        }
        return Optional.empty();
    }

    /** The child a message names, as the case record knows them (by {@link ChildKey}), if it does. */
    public static Optional<ChildRecord> known(Optional<CaseRecord> known, String childKey) {
        return known.flatMap(k -> k.child(childKey));
    }

    /** The key under which the case knows the one child a message is about. */
    public String keyOf(ChildRef child, Optional<CaseRecord> known) {
        return keysOf(List.of(child), known).get(0);
    }

    /**
     * The keys under which the case knows the children a message names, in its order. A child is matched under every
     * form the case may have recorded them in ({@link ChildKey#forms}: the current key's, a previous key's, the unkeyed
     * one from before), so a case recorded before a key rotation still finds its children; the recorded key is the
     * one the rules use (the intake rewrites it to the current form afterwards, {@link ChildKey#rekeys}). A child the
     * case does not know gets the current form.
     */
    public List<String> keysOf(List<ChildRef> children, Optional<CaseRecord> known) {
        List<String> keys = (children == null ? List.<ChildRef>of() : children).stream()
                .map(child -> known.flatMap(k -> k.recordedAs(ChildKey.forms(child, fingerprints)))
                        .orElseGet(() -> ChildKey.of(child, fingerprints)))
                .toList();
        return known.map(k -> k.keysFor(keys)).orElse(keys);
    }

    /** How the hub fingerprints a child named without the council's reference. */
    public ChildFingerprints fingerprints() {
        return fingerprints;
    }

    /**
     * What the case record learns from a message naming these children: the council holds the case, and each child's
     * GP practice, school, other education providers and police force as the message gives them.
     */
    public List<Effect> rememberChildren(Envelope message, List<ChildRef> children, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        List<String> keys = keysOf(children, known);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.RememberCase(message.caseReference(), message.sender()));
        for (int i = 0; i < children.size(); i++) {
            ChildRef child = children.get(i);
            Optional<ChildRecord> knownChild = known(known, keys.get(i));
            effects.add(new Effect.RememberChild(message.caseReference(), keys.get(i),
                    gpPractice(child, knownChild).orElse(null), school(child, knownChild).orElse(null),
                    policeForce(child, null, knownChild).orElse(null), named(child)));
        }
        return effects;
    }

    public Directory directory() {
        return directory;
    }
}
