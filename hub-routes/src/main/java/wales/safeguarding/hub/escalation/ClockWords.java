package wales.safeguarding.hub.escalation;

import java.util.Map;

import wales.safeguarding.schemas.envelope.Language;

/** What each statutory clock waits for, in Welsh and English, for the hub's own notices. */
final class ClockWords {

    private static final Map<String, Map<Language, String>> WHAT = Map.of(
            "next-actions", words("the decision on next actions", "y penderfyniad ar y camau nesaf"),
            "initial-conference", words("the initial child protection conference",
                    "y gynhadledd amddiffyn plant gychwynnol"),
            "written-report", words("the written report for the conference",
                    "yr adroddiad ysgrifenedig ar gyfer y gynhadledd"),
            "outline-plan", words("the outline plan and summary of decisions",
                    "y cynllun amlinellol a chrynodeb o'r penderfyniadau"),
            "conference-minutes", words("the full record of the conference", "cofnod llawn y gynhadledd"),
            "first-core-group", words("the first core group meeting", "cyfarfod cyntaf y grŵp craidd"),
            "core-group", words("the core group meeting", "cyfarfod y grŵp craidd"),
            "review-conference", words("the review child protection conference",
                    "y gynhadledd adolygu amddiffyn plant"),
            "report-acknowledgement", words("the acknowledgement of the duty-to-report",
                    "y gydnabyddiaeth o'r adroddiad dyletswydd i adrodd"),
            "report-outcome", words("the outcome of the duty-to-report",
                    "canlyniad yr adroddiad dyletswydd i adrodd"));

    private ClockWords() {
    }

    static String what(String clock, Language language) {
        Map<Language, String> words = WHAT.get(clock);
        if (words == null) {
            return language == Language.CY ? "y cam nesaf (" + clock + ")" : "the next step (" + clock + ")";
        }
        return words.get(language);
    }

    private static Map<Language, String> words(String en, String cy) {
        return Map.of(Language.EN, en, Language.CY, cy);
    }
}
