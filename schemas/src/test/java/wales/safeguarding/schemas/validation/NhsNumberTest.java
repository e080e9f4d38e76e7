package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @Test
    void should_accept_a_number_whose_last_digit_is_the_modulus_11_check_digit() {
        // 9*10 + 9*9 + 9*8 + 1*2 = 245; 245 mod 11 = 3; 11 - 3 = 8
        assertThat(NhsNumber.isValid("9990000018")).isTrue();
    }

    @Test
    void should_accept_check_digit_0_when_the_remainder_is_0() {
        // 243 + 5*2 = 253 = 11 * 23, so 11 - 0 = 11, written as 0
        assertThat(NhsNumber.isValid("9990000050")).isTrue();
    }

    @Test
    void should_reject_a_wrong_check_digit() {
        assertThat(NhsNumber.isValid("9990000017")).isFalse();
        assertThat(NhsNumber.isValid("9990000019")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000000", "9990000001", "9990000002", "9990000003", "9990000004",
            "9990000005", "9990000006", "9990000007", "9990000008", "9990000009"})
    void should_reject_every_number_whose_check_digit_would_be_10(String number) {
        // 999000000: 9*10 + 9*9 + 9*8 = 243; 243 mod 11 = 1; 11 - 1 = 10, which no digit can be
        assertThat(NhsNumber.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "999000001", "99900000180", "999 000 0018", "999000001A", "９９９０００００１８"})
    void should_reject_anything_but_ten_ascii_digits(String value) {
        assertThat(NhsNumber.isValid(value)).isFalse();
    }

    @Test
    void should_reject_null() {
        assertThat(NhsNumber.isValid(null)).isFalse();
    }
}
