package wales.safeguarding.hub.directory;

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
    SCHOOL_NURSING("school-nursing");

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
