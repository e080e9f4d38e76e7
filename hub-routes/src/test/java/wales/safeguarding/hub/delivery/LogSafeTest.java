package wales.safeguarding.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void should_keep_only_the_status_of_an_agency_refusal_in_a_log_line() {
        assertThat(LogSafe.reason("refused: agency system answered HTTP 422: no child called Jane Doe born 2015-03-02"))
                .isEqualTo("refused: agency system answered HTTP 422 (the agency's reason is in the tracking record)")
                .doesNotContain("Jane");
    }

    @Test
    void should_keep_a_bare_status_and_a_transport_failure_as_they_are() {
        assertThat(LogSafe.reason("agency system answered HTTP 503")).isEqualTo("agency system answered HTTP 503");
        assertThat(LogSafe.reason("HttpHostConnectException: Connect to http://127.0.0.1:9/x failed"))
                .isEqualTo("HttpHostConnectException: Connect to http://127.0.0.1:9/x failed");
    }
}
