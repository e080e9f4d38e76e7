package wales.safeguarding.hub.escalation;

import java.util.Map;

import wales.safeguarding.schemas.envelope.Language;

/** What each statutory clock waits for, in Welsh and English, for the hub's own notices. */
final class ClockWords {

    private static final Map<String, Map<Language, String>> WHAT = Map.ofEntries(
            Map.entry("next-actions", words("the decision on next actions", "y penderfyniad ar y camau nesaf")),
            Map.entry("initial-conference", words("the initial child protection conference", "y gynhadledd amddiffyn plant gychwynnol")),
            Map.entry("written-report", words("the written report for the conference", "yr adroddiad ysgrifenedig ar gyfer y gynhadledd")),
            Map.entry("strategy-contribution", words("what your agency knows of the children, for the strategy discussion", "yr hyn y mae eich asiantaeth yn ei wybod am y plant, ar gyfer y drafodaeth strategaeth")),
            Map.entry("health-assessment", words("the child's health assessment set at the conference", "asesiad iechyd y plentyn a osodwyd yn y gynhadledd")),
            Map.entry("outline-plan", words("the outline plan and summary of decisions", "y cynllun amlinellol a chrynodeb o'r penderfyniadau")),
            Map.entry("conference-minutes", words("the full record of the conference", "cofnod llawn y gynhadledd")),
            Map.entry("first-core-group", words("the first core group meeting", "cyfarfod cyntaf y grŵp craidd")),
            Map.entry("core-group", words("the core group meeting", "cyfarfod y grŵp craidd")),
            Map.entry("first-review-conference", words("the first review child protection conference", "y gynhadledd adolygu amddiffyn plant gyntaf")),
            Map.entry("review-conference", words("the review child protection conference", "y gynhadledd adolygu amddiffyn plant")),
            Map.entry("report-acknowledgement", words("the acknowledgement of the duty-to-report", "y gydnabyddiaeth o'r adroddiad dyletswydd i adrodd")),
            Map.entry("report-outcome", words("the outcome of the duty-to-report", "canlyniad yr adroddiad dyletswydd i adrodd")),
            Map.entry("school-transfer-acknowledgement", words("the new school's acknowledgement of the child's safeguarding file",
                    "cydnabyddiaeth yr ysgol newydd o ffeil ddiogelu'r plentyn")));

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
