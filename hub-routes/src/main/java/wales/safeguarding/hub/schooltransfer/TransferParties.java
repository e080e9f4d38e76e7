package wales.safeguarding.hub.schooltransfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.SchoolTransfer;
import wales.safeguarding.schemas.childprotection.TransferSchool;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Who a school transfer concerns, found in the directory, and what it must not break: the new school is a school the
 * hub can deliver to; the old school is the one the case record says the child attends; a school named both by agency
 * id and by school number is one school; the child moves to another school; the council sending it is the child's.
 * <p>
 * The education service told is that of each school's area: the local authority the directory gives the school
 * ({@code localAuthority}), else the child's. A move across the border of two councils tells both education services,
 * the area the child leaves and the area the child joins, each with the notice an education service receives (issue 15
 * item 4). Children's services of the new school's area are not told: the case stays with the council that holds it
 * (a move of the family is a {@code case-transfer}), and the council is reminded of that by a note.
 */
@ApplicationScoped
public class TransferParties {

    /** The need-to-know role of the school that receives the safeguarding file. */
    public static final String NEW_SCHOOL = "new-school";

    /** The parties of a transfer, or why it cannot go, and what the hub noticed on the way. */
    public record Resolution(Optional<Agency> oldSchool, Optional<Agency> newSchool,
            Optional<Agency> newSchoolsEducationService, Optional<Agency> oldSchoolsEducationService,
            List<Violation> violations, List<ComplianceNote> notes) {

        public Resolution {
            violations = List.copyOf(violations);
            notes = List.copyOf(notes);
        }

        /**
         * The recipients the rules require: the new school, the old school and the education service of each school's
         * area (one, when both schools are in one area), as known.
         */
        public List<String> recipients() {
            Set<String> to = new LinkedHashSet<>();
            newSchool.ifPresent(a -> to.add(a.id()));
            oldSchool.ifPresent(a -> to.add(a.id()));
            newSchoolsEducationService.ifPresent(a -> to.add(a.id()));
            oldSchoolsEducationService.ifPresent(a -> to.add(a.id()));
            return new ArrayList<>(to);
        }
    }

    private final Directory directory;

    public TransferParties(Directory directory) {
        this.directory = directory;
    }

    public Resolution resolve(String sender, SchoolTransfer body, Optional<CaseRecord> known,
            Optional<ChildRecord> child) {
        List<Violation> violations = new ArrayList<>();
        List<ComplianceNote> notes = new ArrayList<>();
        if (known.isEmpty()) {
            Optional<Agency> council = directory.childrensServicesFor(body.child().localAuthority());
            if (council.isPresent() && !council.get().id().equals(sender)) {
                violations.add(new Violation("/body/child/localAuthority", "council-of-child",
                        "the child's local authority is served by " + council.get().id()
                                + ": only its children's services send the child's safeguarding file"));
            }
        }
        Optional<Agency> newSchool = school(body.newSchool(), "/body/newSchool", violations);
        if (newSchool.isEmpty() && violations.stream().noneMatch(v -> v.pointer().startsWith("/body/newSchool"))) {
            violations.add(new Violation("/body/newSchool/schoolNumber", "known-school",
                    "no school with this number is in the hub directory: the file cannot be delivered"));
        }
        newSchool.filter(s -> !s.receives()).ifPresent(s -> violations.add(new Violation("/body/newSchool",
                "school-receives", "school " + s.id() + " has no endpoint: the file cannot be delivered")));
        Optional<Agency> oldSchool = school(body.oldSchool(), "/body/oldSchool", violations);
        String current = child.map(ChildRecord::school).orElse(null);
        if (current != null && !oldSchool.map(Agency::id).orElse("").equals(current)) {
            violations.add(new Violation("/body/oldSchool", "current-school-of-case",
                    "must be the school the case record gives for the child, " + current));
        }
        if (newSchool.isPresent() && newSchool.map(Agency::id).equals(oldSchool.map(Agency::id))) {
            violations.add(new Violation("/body/newSchool", "another-school",
                    "the child moves to another school: the new school is the old one"));
        }
        if (oldSchool.isEmpty() && current == null) {
            notes.add(TransferNotes.oldSchoolNotConnected());
        }
        String childsArea = body.child().localAuthority();
        String newArea = areaOf(newSchool, childsArea);
        String oldArea = areaOf(oldSchool.or(() -> Optional.ofNullable(current).flatMap(directory::find)), childsArea);
        Optional<Agency> newEducation = educationServiceOf(newArea, notes);
        boolean oneArea = Objects.equals(oldArea, newArea);
        Optional<Agency> oldEducation = oneArea ? newEducation : educationServiceOf(oldArea, notes);
        if (!oneArea) {
            notes.add(TransferNotes.schoolInAnotherArea(oldArea, newArea));
        }
        return new Resolution(oldSchool.filter(Agency::receives), newSchool, newEducation, oldEducation, violations,
                notes);
    }

    /** The local authority of a school's area: the one the directory gives the school, else the child's. */
    static String areaOf(Optional<Agency> school, String childsArea) {
        return school.map(Agency::localAuthority).filter(la -> !la.isBlank()).orElse(childsArea);
    }

    private Optional<Agency> educationServiceOf(String localAuthority, List<ComplianceNote> notes) {
        Optional<Agency> service = directory.educationServiceFor(localAuthority).filter(Agency::receives);
        if (service.isEmpty()) {
            notes.add(TransferNotes.educationServiceUnknown(localAuthority));
        }
        return service;
    }

    /** Whether this recipient is the new school of the transfer whose body this is. */
    public boolean isNewSchool(Agency recipient, JsonNode transferBody) {
        try {
            TransferSchool named = CanonicalJson.mapper().treeToValue(transferBody.path("newSchool"), TransferSchool.class);
            return named != null && school(named, "", new ArrayList<>()).map(Agency::id).filter(recipient.id()::equals)
                    .isPresent();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The school named by agency id and/or school number: an agency id must name a school (or a pupil referral unit,
     * which has a school number and a roll of its own: a child may move to or from one) in the directory, and a
     * school number given with it must be that school's. A school number alone that the directory does not know is
     * no school (it may not be connected to the hub).
     */
    Optional<Agency> school(TransferSchool named, String at, List<Violation> violations) {
        if (named == null) {
            return Optional.empty();
        }
        if (named.agencyId() == null) {
            return directory.bySchoolNumber(named.schoolNumber());
        }
        Optional<Agency> byId = directory.find(named.agencyId());
        if (byId.isEmpty() || byId.get().kind() != AgencyKind.SCHOOL
                && byId.get().kind() != AgencyKind.PUPIL_REFERRAL_UNIT) {
            violations.add(new Violation(at + "/agencyId", "known-school",
                    byId.isEmpty() ? "no agency " + named.agencyId() + " is in the hub directory"
                            : named.agencyId() + " is not a school"));
            return Optional.empty();
        }
        if (named.schoolNumber() != null && !named.schoolNumber().equals(byId.get().schoolNumber())) {
            violations.add(new Violation(at, "same-school",
                    "agencyId and schoolNumber name different schools"));
            return Optional.empty();
        }
        return byId;
    }
}
