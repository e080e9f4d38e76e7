package wales.safeguarding.hub.metrics;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;

/**
 * What a metric label says about an agency: its kind ({@code council}, {@code police}, {@code school} ...), never its
 * id; {@value HubMetrics#HUB} for the hub itself, {@value HubMetrics#UNKNOWN} for an id the directory does not know.
 * For a council, its local authority's ONS code: the {@code council} label of the clock gauges.
 */
@ApplicationScoped
public class AgencyKinds {

    private final Function<String, Optional<Agency>> directory;

    @Inject
    public AgencyKinds(Directory directory) {
        this(directory::find);
    }

    /** Over any lookup of agencies by id (the unit tests' map). */
    public AgencyKinds(Function<String, Optional<Agency>> directory) {
        this.directory = directory;
    }

    /** The kind of agency {@code agencyId} as a label value. */
    public String of(String agencyId) {
        if (agencyId == null) {
            return HubMetrics.UNKNOWN;
        }
        if (HubMetrics.HUB.equals(agencyId)) {
            return HubMetrics.HUB;
        }
        return directory.apply(agencyId).map(a -> a.kind().wireName()).orElse(HubMetrics.UNKNOWN);
    }

    /** The kind of agency as a label value. */
    public static String of(Agency agency) {
        return agency == null ? HubMetrics.UNKNOWN : agency.kind().wireName();
    }

    /**
     * The council of a statutory clock: the ONS code of the council that owes it, else of the council that waits for
     * it, else {@value HubMetrics#NO_COUNCIL} (a clock between a school and the police, say).
     */
    public String councilOf(String owedBy, String waiting) {
        return council(owedBy).or(() -> council(waiting)).map(HubMetrics::council).orElse(HubMetrics.NO_COUNCIL);
    }

    private Optional<String> council(String agencyId) {
        if (agencyId == null) {
            return Optional.empty();
        }
        return directory.apply(agencyId).filter(a -> a.kind() == AgencyKind.COUNCIL).map(Agency::localAuthority);
    }
}
