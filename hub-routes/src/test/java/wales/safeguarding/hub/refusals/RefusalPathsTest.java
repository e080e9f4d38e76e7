package wales.safeguarding.hub.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalPathsTest {

    @Test
    void should_keep_the_words_of_the_agency_api_and_replace_every_id_by_a_placeholder() {
        assertThat(RefusalPaths.template("/api/v1/messages")).contains("/api/v1/messages");
        assertThat(RefusalPaths.template("/api/v1/messages/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01"))
                .contains("/api/v1/messages/{id}");
        assertThat(RefusalPaths.template("/api/v1/cases/CAR-2026-0001/timeline")).contains("/api/v1/cases/{id}/timeline");
        assertThat(RefusalPaths.template("/api/v1/inbox/3f1c2a9e/acknowledge")).contains("/api/v1/inbox/{id}/acknowledge");
        assertThat(RefusalPaths.template("/fhir/$process-message")).contains("/fhir/$process-message");
        assertThat(RefusalPaths.template("/fhir/%24process-message")).contains("/fhir/$process-message");
        assertThat(RefusalPaths.template("/fhir/Task/9990000018")).contains("/fhir/Task/{id}");
        assertThat(RefusalPaths.template("/api/v1/gp/reports/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01"))
                .contains("/api/v1/gp/reports/{id}");
        assertThat(RefusalPaths.template("/api/v1/gp/acknowledgements/3f1c2a9e")).contains("/api/v1/gp/acknowledgements/{id}");
    }

    @Test
    void should_never_carry_a_segment_it_does_not_know_such_as_an_nhs_number() {
        assertThat(RefusalPaths.template("/api/v1/messages/9990000018/Alys%20Enghraifft")).contains("/api/v1/messages/{id}/{id}");
        assertThat(RefusalPaths.template("/fhir/Patient/9990000018")).contains("/fhir/{id}/{id}");
        assertThat(RefusalPaths.template("/api/v1/register-enquiries")).contains("/api/v1/register-enquiries");
        assertThat(RefusalPaths.template("/api/v1/register-enquiries/9990000018"))
                .contains("/api/v1/register-enquiries/{id}");
    }

    @Test
    void should_count_only_agency_api_paths_not_the_console_the_operations_api_or_health() {
        assertThat(RefusalPaths.template("/api/v1/console/messages")).isEmpty();
        assertThat(RefusalPaths.template("/api/v1/operations/dead-letters")).isEmpty();
        assertThat(RefusalPaths.template("/q/health")).isEmpty();
        assertThat(RefusalPaths.template("/console/")).isEmpty();
        assertThat(RefusalPaths.template("/api/v1/messagesX")).isEmpty();
        assertThat(RefusalPaths.template(null)).isEmpty();
    }
}
