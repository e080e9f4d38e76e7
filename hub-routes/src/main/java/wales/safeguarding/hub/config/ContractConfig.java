package wales.safeguarding.hub.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import wales.safeguarding.schemas.validation.CanonicalValidator;

/** The canonical contract's validator, built once (it compiles every schema). */
@ApplicationScoped
public class ContractConfig {

    @Produces
    @ApplicationScoped
    CanonicalValidator validator() {
        return CanonicalValidator.fromClasspath();
    }
}
