package wales.safeguarding.adapters.gpfhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.Joining;
import wales.safeguarding.schemas.dutytoreport.Address;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The pieces the letters and documents a GP practice reads are made of ({@link Letters}), their words from
 * {@code texts/gp-letters.cy.properties} and {@code .en.properties}, which a translator edits: dates and times in Welsh
 * and English, the child, the conference kind, format and categories, how to join; and the one mechanism that puts
 * what the hub writes in the practice's language, or in Welsh and English together, Welsh first, where its preference
 * is unknown (the active offer: the Welsh is never the lesser): {@link #inLanguages} for lines,
 * {@link #inLanguagesOneLine} for a title.
 */
final class Texts {

    private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Locale WELSH = Locale.forLanguageTag("cy-GB");
    private static final DateTimeFormatter HUMAN_DATE_CY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", WELSH);
    private static final DateTimeFormatter BIRTH_DATE_CY = DateTimeFormatter.ofPattern("d MMMM yyyy", WELSH);

    /** The hub's words for GP practices, in Welsh and English: {@code texts/gp-letters.cy.properties}, {@code .en}. */
    private static final wales.safeguarding.schemas.texts.Texts WORDS =
            wales.safeguarding.schemas.texts.Texts.of("gp-letters");

    private Texts() {
    }

    /** The text {@code key} of {@code texts/gp-letters} in Welsh ({@code cy}) or English, with its values. */
    static String w(boolean cy, String key, Object... values) {
        return WORDS.get(cy ? Language.CY : Language.EN, key, values);
    }

    /** The text {@code key} if the bundle has it, else {@code otherwise}. */
    static String wordOr(boolean cy, String key, String otherwise) {
        return WORDS.has(cy ? Language.CY : Language.EN, key) ? w(cy, key) : otherwise;
    }

    /** A FHIR dateTime/instant with the sender's offset kept, to the second. */
    static String fhirDateTime(OffsetDateTime t) {
        return FHIR_DATE_TIME.format(t);
    }

    static String humanDate(LocalDate d) {
        return humanDate(d, false);
    }

    static String humanDate(LocalDate d, boolean cy) {
        return (cy ? HUMAN_DATE_CY : HUMAN_DATE).format(d);
    }

    /** A day as an adverb of time ("ddydd Mawrth 24 Mehefin 2025"): the soft mutation Welsh wants after a verb or "o". */
    static String onDayCy(LocalDate d) {
        return humanDate(d, true).replaceFirst("^Dydd", "ddydd");
    }

    static String humanDateTime(OffsetDateTime t) {
        return humanDateTime(t, false);
    }

    static String humanDateTime(OffsetDateTime t, boolean cy) {
        return w(cy, "date-time", "day", (cy ? HUMAN_DATE_CY : HUMAN_DATE).format(t), "time", HUMAN_TIME.format(t),
                "offset", t.getOffset().getId().replace("Z", "+00:00"));
    }

    /**
     * A deadline as a person reads it: "by <day and time>", or, for a deadline at midnight in Wales (the end of a
     * working day, as the hub's clocks fall due), "by the end of <the day before>" rather than "Saturday at 00:00".
     */
    static String byDeadline(OffsetDateTime t, boolean cy) {
        java.time.ZonedDateTime wales = t.atZoneSameInstant(java.time.ZoneId.of("Europe/London"));
        if (wales.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return w(cy, "deadline.end-of", "day", humanDate(wales.toLocalDate().minusDays(1), cy));
        }
        return w(cy, "deadline.by", "when", humanDateTime(t, cy));
    }

    static String nhsNumber(String n) {
        return n != null && n.length() == 10 ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6) : n;
    }

    static String child(ChildRef c) {
        return child(c, false);
    }

    static String child(ChildRef c, boolean cy) {
        StringBuilder s = new StringBuilder(c.name());
        if (c.dateOfBirth() != null) {
            s.append(w(cy, "child.born", "day", (cy ? BIRTH_DATE_CY : BIRTH_DATE).format(c.dateOfBirth())));
        }
        if (c.nhsNumber() != null) {
            s.append(w(cy, "child.nhs", "nhs", nhsNumber(c.nhsNumber())));
        }
        return s.toString();
    }

    static String invitee(Invitee i) {
        return (i.name() != null ? i.name() + ", " : "") + i.role() + " (" + i.agencyId() + ")";
    }

    static String kind(ConferenceInvitation inv) {
        return kind(inv, false);
    }

    static String kind(ConferenceInvitation inv, boolean cy) {
        return kind(inv.kind(), cy);
    }

    /** A conference's kind ({@code initial} or {@code review}) in words. */
    static String kind(String kind, boolean cy) {
        return w(cy, "kind." + kindKey(kind));
    }

    /** A conference's kind after "the" / "y" (Welsh mutates it: "y gynhadledd"). */
    static String kindSoft(String kind, boolean cy) {
        return w(cy, "kind.soft." + kindKey(kind));
    }

    private static String kindKey(String kind) {
        return "review".equals(kind) ? "review" : "initial";
    }

    /**
     * The written report request in one line: the Task's description and the first line of its narrative. A practice
     * is asked for its report for every conference (recommendation 1.8); without a due date, before the conference.
     */
    static String reportTaskDescription(ConferenceInvitation inv, boolean cy) {
        OffsetDateTime dueBy = reportDueBy(inv);
        String theKind = w(cy, "kind.the." + kindKey(inv.kind()));
        return dueBy != null
                ? w(cy, "report.task.by", "theKind", theKind, "conference", inv.conferenceId(), "when",
                        humanDateTime(dueBy, cy))
                : w(cy, "report.task.before", "theKind", theKind, "conference", inv.conferenceId());
    }

    /** When the practice's written report is due: the invitation's {@code writtenReport.dueBy}, or null when it gives none. */
    static OffsetDateTime reportDueBy(ConferenceInvitation inv) {
        return inv.writtenReport() == null ? null : inv.writtenReport().dueBy();
    }

    static String conclusion(String outcome) {
        return conclusion(outcome, false);
    }

    static String conclusion(String outcome, boolean cy) {
        return wordOr(cy, "conclusion." + outcome, outcome);
    }

    /** How people attend (face-to-face, virtual, hybrid), in words. */
    static String format(String format, boolean cy) {
        return wordOr(cy, "format." + format, format);
    }

    static String categories(List<String> categories) {
        return categories(categories, false);
    }

    static String categories(List<String> categories, boolean cy) {
        return categories == null ? ""
                : categories.stream().map(c -> wordOr(cy, "category." + c, c.replace('-', ' ')))
                        .collect(Collectors.joining(", "));
    }

    static String address(Address a) {
        List<String> parts = new ArrayList<>(a.lines());
        if (a.postcode() != null) {
            parts.add(a.postcode());
        }
        return String.join(", ", parts);
    }

    /** How to join: address, link and phone, one line each. */
    static List<String> joining(Joining j) {
        return joining(j, false);
    }

    static List<String> joining(Joining j, boolean cy) {
        List<String> lines = new ArrayList<>();
        if (j == null) {
            return lines;
        }
        if (j.address() != null) {
            lines.add(w(cy, "join.address", "address", address(j.address())));
        }
        if (j.link() != null) {
            lines.add(w(cy, "join.link", "link", j.link()));
        }
        if (j.phone() != null) {
            lines.add(w(cy, "join.phone", "phone", j.phone()));
        }
        return lines;
    }

    /**
     * The languages the hub writes its own text in for a practice, in order: Welsh ({@code true}), English
     * ({@code false}), or Welsh then English where the preference is unknown.
     */
    private static List<Boolean> welshFirst(LanguagePreference preference) {
        return switch (preference) {
            case CY -> List.of(true);
            case EN -> List.of(false);
            default -> List.of(true, false);
        };
    }

    /**
     * A text the hub writes, in the practice's language: {@code text} is asked for its Welsh ({@code true}) and
     * English ({@code false}) lines; both where the preference is unknown, Welsh first, a blank line between them.
     */
    static List<String> inLanguages(LanguagePreference preference, Function<Boolean, List<String>> text) {
        List<String> l = new ArrayList<>();
        for (boolean cy : welshFirst(preference)) {
            if (!l.isEmpty()) {
                l.add("");
            }
            l.addAll(text.apply(cy));
        }
        return l;
    }

    /** A one-line text (a title, a description, a code's text) in the practice's language, or {@code "cy / en"}. */
    static String inLanguagesOneLine(LanguagePreference preference, Function<Boolean, String> text) {
        return welshFirst(preference).stream().map(text).collect(Collectors.joining(" / "));
    }

    /** The lines as one text, without a trailing line break (FHIR strings must not end in whitespace). */
    static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }
}
