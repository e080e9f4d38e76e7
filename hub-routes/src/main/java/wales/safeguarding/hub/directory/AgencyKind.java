package wales.safeguarding.hub.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of body an agency is. */
public enum AgencyKind {
    COUNCIL("council"),
    POLICE("police"),
    GP_PRACTICE("gp-practice"),
    HEALTH_BOARD("health-board"),
    SCHOOL("school"),
    SAFEGUARDING_BOARD("safeguarding-board"),
    /** A local authority's education service: told when a child moves school. */
    EDUCATION_SERVICE("education-service"),
    /** A health board's health visiting service for a local authority's area: children under five. */
    HEALTH_VISITING("health-visiting"),
    /** A health board's school nursing service for a local authority's area: children of school age. */
    SCHOOL_NURSING("school-nursing"),
    /**
     * A pupil referral unit: a local authority's provision for pupils who cannot attend a mainstream school (in Wales
     * it has a school number). Like the other education providers below, it takes part in a child's case as the
     * child's school does when a message names it in the child's {@code otherProvision}.
     */
    PUPIL_REFERRAL_UNIT("pupil-referral-unit"),
    /** A provider of education other than at school (EOTAS) commissioned by a local authority. */
    EOTAS_PROVIDER("eotas-provider"),
    /** A local authority's youth justice service (the multi-agency youth offending team). */
    YOUTH_JUSTICE("youth-justice"),
    /** A local authority's youth support service (youth work, Youth Engagement and Progression Framework). */
    YOUTH_SUPPORT("youth-support");

    /** The education providers other than schools: routed as a school is for a child who attends them. */
    public static final Set<AgencyKind> EDUCATION_PROVIDERS = Collections.unmodifiableSet(
            EnumSet.of(PUPIL_REFERRAL_UNIT, EOTAS_PROVIDER, YOUTH_JUSTICE, YOUTH_SUPPORT));

    /** Whether this kind is one of the {@link #EDUCATION_PROVIDERS}. */
    public boolean educationProvider() {
        return EDUCATION_PROVIDERS.contains(this);
    }

    private final String wireName;

    AgencyKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AgencyKind fromWireName(String name) {
        for (AgencyKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown agency kind '" + name + "'");
    }
}
