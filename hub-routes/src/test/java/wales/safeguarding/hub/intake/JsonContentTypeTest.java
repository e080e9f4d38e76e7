package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            " application/json ", "application/vnd.safeguarding.wales+json", "application/problem+json; charset=utf-8"})
    @DisplayName("issue 11 finding 6: application/json and application/*+json, with a charset, are JSON")
    void should_accept_json_content_types(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "*/*", "application/*", "application/+json",
            "application/jsonp", "text/plain; note=application/json", "application/json-seq", "application/x+json/x"})
    @DisplayName("issue 11 finding 6: any other content type, or none, is not JSON")
    void should_refuse_other_content_types(String contentType) {
        assertThat(JsonContentType.isJson(contentType)).isFalse();
    }
}
