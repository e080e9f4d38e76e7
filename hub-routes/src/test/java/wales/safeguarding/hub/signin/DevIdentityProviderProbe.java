package wales.safeguarding.hub.signin;

import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Starts the dev identity provider switched on, on the given profiles, from a test outside its package. */
public final class DevIdentityProviderProbe {

    public DevIdentityProvider start(List<String> profiles) throws NoSuchAlgorithmException {
        return new DevIdentityProvider(true, "olwen:operator", "pw", profiles);
    }
}
