package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.texts.Texts;
import wales.safeguarding.schemas.tracking.Addressee;
import wales.safeguarding.schemas.tracking.Escalation;
import wales.safeguarding.schemas.tracking.Notice;

/**
 * The compliance note on an agency's repeated absence (issue 15 item 1: "an agency absent from a set number of
 * consecutive review conferences or core groups for one child ... produces one compliance note to the council and the
 * board") travels as a message the hub makes from the record of the meeting: an {@code escalation} (step
 * {@code board-notice}, missing {@code representation}) to the council that holds the case and the regional
 * safeguarding board of the council's region (from the directory; the council alone when none is known), with the
 * note's words in Welsh and English. The board's copy names no child: the escalation's need-to-know entry and the
 * envelope's child reference removed (the note's words name the meeting and the agency only). Plain rules.
 */
final class AbsenceNotices {

    /** What the escalation says is missing. */
    static final String MISSING = "representation";
    static final String STEP = "board-notice";
    private static final String PURPOSE = "absence-notice";
    private static final Texts TEXTS = Texts.of("compliance-notes");

    private AbsenceNotices() {
    }

    /**
     * One escalation per note, each {@code code} an absence ({@code agency-absent}, {@code agency-absent-core-group}),
     * made from {@code message} (the outline plan, the minutes or the plan update that recorded the meeting held on
     * {@code heldOn}), its id keyed from the message's and the note's so no agency can take it first.
     */
    static List<Effect.Derived> of(Envelope message, List<ComplianceNote> notes, String council,
            Optional<String> board, LocalDate heldOn, DerivedIds ids) {
        List<Effect.Derived> made = new ArrayList<>();
        List<String> to = new ArrayList<>(List.of(council));
        board.ifPresent(to::add);
        List<Addressee> addressees = new ArrayList<>(List.of(new Addressee(council, "childrens-services", null, null)));
        board.ifPresent(b -> addressees.add(new Addressee(b, "safeguarding-board", null, null)));
        for (ComplianceNote note : notes) {
            if (!note.code().startsWith("agency-absent")) {
                continue;
            }
            // to several agencies: Welsh first, then English
            List<Notice> notices = List.of(
                    new Notice(Language.CY, TEXTS.get(Language.CY, "absence-notice.subject"), note.cy()),
                    new Notice(Language.EN, TEXTS.get(Language.EN, "absence-notice.subject"), note.en()));
            Escalation body = new Escalation(message.messageId(), STEP, List.of(MISSING),
                    MessageParts.noonOf(heldOn).atOffset(ZoneOffset.UTC), addressees, notices);
            Envelope escalation = new Envelope(ids.of(PURPOSE, message.messageId().toString(), note.en()),
                    MessageType.ESCALATION, Envelope.SCHEMA_VERSION, "hub", List.copyOf(to), message.caseReference(),
                    message.childReference(), message.messageId(), Language.CY, message.securityLabel(),
                    message.createdAt(), null, CanonicalJson.mapper().valueToTree(body));
            made.add(new Effect.Derived(escalation, List.of(), "/body"));
        }
        return made;
    }
}
