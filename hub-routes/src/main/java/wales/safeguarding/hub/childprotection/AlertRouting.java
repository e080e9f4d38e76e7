package wales.safeguarding.hub.childprotection;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * {@code hub.alert-routing.<alert kind>}: which members of a registered child's core group, beyond the council, an alert of
 * that kind reaches: {@code school}, {@code gp}, {@code police}, or {@code gp-if-health-relevant} (a school alert
 * marked health-relevant). Configuration, not code: a region can widen or narrow it.
 */
@ConfigMapping(prefix = "hub.alert-routing")
public interface AlertRouting {

    @WithParentName
    Map<String, List<String>> reaches();
}
