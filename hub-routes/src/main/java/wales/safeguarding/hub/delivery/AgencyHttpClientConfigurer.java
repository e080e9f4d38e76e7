package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client that calls agency systems never retries on its own (its default retries a 503 once): every
 * attempt goes through the broker's redelivery, so it is counted, recorded and backed off, and the last one
 * dead-letters.
 */
@ApplicationScoped
@Named("agencyHttpClientConfigurer")
public class AgencyHttpClientConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
