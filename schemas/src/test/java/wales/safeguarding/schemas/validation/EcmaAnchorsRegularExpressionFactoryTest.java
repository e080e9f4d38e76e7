package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

class EcmaAnchorsRegularExpressionFactoryTest {

    private final EcmaAnchorsRegularExpressionFactory factory = new EcmaAnchorsRegularExpressionFactory();

    @Test
    void should_not_match_a_trailing_line_break_at_the_end_anchor() {
        RegularExpression localAuthority = factory.getRegularExpression("^W06\\d{6}$");

        assertThat(localAuthority.matches("W06000010")).isTrue();
        assertThat(localAuthority.matches("W06000010\n")).isFalse();
        assertThat(localAuthority.matches("W06000010\r\n")).isFalse();
    }

    @Test
    void should_leave_escaped_dollars_and_dollars_in_character_classes_alone() {
        assertThat(EcmaAnchorsRegularExpressionFactory.toJdk("^a\\$[$]b$")).isEqualTo("^a\\$[$]b\\z");
        assertThat(factory.getRegularExpression("^a\\$[$]b$").matches("a$$b")).isTrue();
    }

    @Test
    void should_search_like_ecma_when_the_pattern_is_not_anchored() {
        assertThat(factory.getRegularExpression("W06").matches("xW06x")).isTrue();
    }
}
