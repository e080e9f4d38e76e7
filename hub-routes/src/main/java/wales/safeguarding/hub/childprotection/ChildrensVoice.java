package wales.safeguarding.hub.childprotection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildInvited;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.Participation;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The child's voice at their conference (Wales Safeguarding Procedures, section 3 part 2, "Involving children in the
 * conference"; 2023 review, recommendations 3.1 and 3.2: the child's story and voice, "including children of large
 * sibling groups", and children invited and supported to take part). Decisions over what a message says, without
 * Quarkus:
 * <ul>
 * <li>an invitation's {@code childParticipation} entry is about a child the invitation names ({@code known-child});
 * with more than one child it names its child by {@code childReference} ({@code child-named}); a child has one entry
 * ({@code one-entry-per-child}). Otherwise the invitation is refused;</li>
 * <li>a child with no entry in the invitation, or no {@code participation} in the outline plan, is noted to the
 * council ({@code child-participation-not-recorded}): "the voice of the child should always be heard at the
 * conference";</li>
 * <li>an initial conference whose invitation says a child was not made the active offer of an advocate is noted to the
 * council ({@code advocacy-not-offered}): every child subject to enquiries leading to an initial conference is
 * entitled to it (Social Services and Well-being (Wales) Act 2014, Part 10 Code of Practice);</li>
 * <li>what each message records, child by child, is kept for the boards' report ({@link Effect.RecordChildrensVoice}),
 * counts only: no name, no identifier.</li>
 * </ul>
 */
final class ChildrensVoice {

    static final String KNOWN_CHILD = "known-child";
    static final String CHILD_NAMED = "child-named";
    static final String ONE_ENTRY = "one-entry-per-child";

    private ChildrensVoice() {
    }

    /** Why an invitation's {@code childParticipation} cannot be read against its children. */
    static List<Violation> violations(List<ChildRef> children, List<ChildInvited> entries) {
        List<Violation> violations = new ArrayList<>();
        if (entries == null) {
            return violations;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String pointer = "/body/childParticipation/" + i;
            ChildInvited entry = entries.get(i);
            if (entry.childReference() == null && children.size() != 1) {
                violations.add(new Violation(pointer + "/childReference", CHILD_NAMED, "the conference is about "
                        + children.size() + " children: say which child this entry is about by its childReference"));
                continue;
            }
            int child = childOf(children, entry.childReference());
            if (child < 0) {
                violations.add(new Violation(pointer + "/childReference", KNOWN_CHILD,
                        "no child in /body/children has this childReference"));
            } else if (!seen.add(child)) {
                violations.add(new Violation(pointer, ONE_ENTRY, "the child has an earlier entry in "
                        + "/body/childParticipation"));
            }
        }
        return violations;
    }

    /** Each child of the invitation, in order, with their entry (null when the invitation records none for them). */
    static List<ChildInvited> invited(List<ChildRef> children, List<ChildInvited> entries) {
        List<ChildInvited> byChild = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            ChildInvited found = null;
            for (ChildInvited entry : entries == null ? List.<ChildInvited>of() : entries) {
                if (childOf(children, entry.childReference()) == i) {
                    found = entry;
                    break;
                }
            }
            byChild.add(found);
        }
        return byChild;
    }

    /** The council's notes for an invitation: children without an entry; an initial conference without advocacy. */
    static List<ComplianceNote> invitationNotes(String conferenceId, boolean initial, List<ChildInvited> byChild) {
        List<ComplianceNote> notes = new ArrayList<>();
        long missing = byChild.stream().filter(Objects::isNull).count();
        if (missing > 0) {
            notes.add(ComplianceNotes.childParticipationNotRecorded(conferenceId, missing, byChild.size(), false));
        }
        long notOffered = byChild.stream().filter(e -> e != null && !e.advocacyOffered()).count();
        if (initial && notOffered > 0) {
            notes.add(ComplianceNotes.advocacyNotOffered(conferenceId, notOffered));
        }
        return notes;
    }

    /** The council's note for an outline plan whose children, some or all, have no {@code participation}. */
    static List<ComplianceNote> outlinePlanNotes(String conferenceId, List<Participation> byChild) {
        long missing = byChild.stream().filter(Objects::isNull).count();
        return missing == 0 ? List.of()
                : List.of(ComplianceNotes.childParticipationNotRecorded(conferenceId, missing, byChild.size(), true));
    }

    /** What the invitation records of each child, for the boards' report. */
    static Effect.RecordChildrensVoice invitationRecord(String caseReference, String council, String conferenceId,
            List<ChildInvited> byChild) {
        List<Effect.ChildVoice> voices = new ArrayList<>();
        for (ChildInvited entry : byChild) {
            voices.add(entry == null ? Effect.ChildVoice.NOT_RECORDED
                    : new Effect.ChildVoice(true, entry.invited(), entry.advocacyOffered(), null,
                            entry.invited() ? null : entry.whyNotInvited()));
        }
        return new Effect.RecordChildrensVoice(caseReference, council, conferenceId,
                Effect.RecordChildrensVoice.INVITATION, voices);
    }

    /** What the outline plan records of each child, for the boards' report. */
    static Effect.RecordChildrensVoice outlinePlanRecord(String caseReference, String council, String conferenceId,
            List<Participation> byChild) {
        List<Effect.ChildVoice> voices = new ArrayList<>();
        for (Participation p : byChild) {
            voices.add(p == null ? Effect.ChildVoice.NOT_RECORDED
                    : new Effect.ChildVoice(true, null, p.advocate(), p.tookPart(), p.tookPartAtAll() ? null : p.whyNot()));
        }
        return new Effect.RecordChildrensVoice(caseReference, council, conferenceId,
                Effect.RecordChildrensVoice.OUTLINE_PLAN, voices);
    }

    /** The index of the child with {@code childReference}; with none given, the only child. */
    private static int childOf(List<ChildRef> children, String childReference) {
        if (childReference == null) {
            return children.size() == 1 ? 0 : -1;
        }
        for (int i = 0; i < children.size(); i++) {
            if (childReference.equals(children.get(i).childReference())) {
                return i;
            }
        }
        return -1;
    }
}
