package wales.safeguarding.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/** Readiness says how far each adapter has warmed up and does not wait for it (issue 12 goal 4). */
class AdaptersWarmHealthCheckTest {

    private final OutboundAdapters adapters = new OutboundAdapters();
    private final AdaptersWarmHealthCheck check = new AdaptersWarmHealthCheck(adapters);
    private final Directory directory = new Directory(List.of(
            agency("gp-z99002", AgencyKind.GP_PRACTICE, "Z99002", "fhir-r4"),
            agency("dyfed-powys-police", AgencyKind.POLICE, null, "rest-json")));

    @Test
    void should_be_down_until_the_camel_context_has_started() {
        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("camel"));
    }

    @Test
    void should_be_up_while_the_fhir_adapter_warms_and_say_so_per_adapter() {
        adapters.warmUp(null, directory);

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsOnlyKeys("fhir-r4", "rest-json");
        assertThat(data.get("fhir-r4")).isIn("warming", "warm");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "warm".equals(check.call().getData().orElseThrow().get("rest-json")));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static Agency agency(String id, AgencyKind kind, String odsCode, String transport) {
        return new Agency(id, kind, Map.of("en", id), null, odsCode, null, null, null,
                new Agency.Endpoint("http://127.0.0.1/" + id, transport), LanguagePreference.EN, List.of(), List.of());
    }
}
