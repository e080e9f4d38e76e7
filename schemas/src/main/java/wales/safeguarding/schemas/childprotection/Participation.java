package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a child took part in their conference, in an {@code outline-plan} (Wales Safeguarding Procedures, section 3
 * part 2): {@code tookPart} (in-person, in-part, through-advocate, written-views, recorded-views or
 * did-not-take-part), whether they had an {@code advocate}, and {@code whyNot} when they did not take part.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Participation(String tookPart, boolean advocate, String whyNot) {

    public static final String DID_NOT_TAKE_PART = "did-not-take-part";

    public boolean tookPartAtAll() {
        return !DID_NOT_TAKE_PART.equals(tookPart);
    }
}
