package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Which health professionals a child protection conference invites for one child, besides the child's GP practice
 * (2023 review recommendation 1.4: "GPs and other relevant health professionals must be invited"; Wales
 * Safeguarding Procedures, child protection conferences: health is a core agency):
 * <ul>
 * <li>the safeguarding team of the health board that covers the child's local authority, always;</li>
 * <li>the area's health visiting service for a child under {@value #SCHOOL_AGE} on the day of the conference, and its
 * school nursing service for a child of {@value #SCHOOL_AGE} to {@value #LAST_SCHOOL_NURSING_AGE} (the Healthy Child
 * Wales Programme, Welsh Government 2016: health visitors from birth until the child starts school, school nurses
 * through the school years), where the directory knows such a service for the area;</li>
 * <li>a child whose date of birth is not given: the health board only (its safeguarding team knows the service).</li>
 * </ul>
 * A plain decision over the child's date of birth and the conference day: unit-tested without the hub.
 */
public final class HealthProfessionals {

    /** The age from which a child is served by school nursing rather than health visiting. */
    public static final int SCHOOL_AGE = 5;
    /** The last age school nursing serves (young people up to 19 in school or college). */
    public static final int LAST_SCHOOL_NURSING_AGE = 18;

    /** A health service a conference reaches. */
    public enum Service {
        HEALTH_BOARD,
        HEALTH_VISITING,
        SCHOOL_NURSING
    }

    private HealthProfessionals() {
    }

    /** The services a conference on {@code conferenceDay} invites for a child born on {@code dateOfBirth}. */
    public static List<Service> forChild(LocalDate dateOfBirth, LocalDate conferenceDay) {
        List<Service> services = new ArrayList<>();
        services.add(Service.HEALTH_BOARD);
        if (dateOfBirth == null || conferenceDay == null || dateOfBirth.isAfter(conferenceDay)) {
            return services;
        }
        int age = Period.between(dateOfBirth, conferenceDay).getYears();
        if (age < SCHOOL_AGE) {
            services.add(Service.HEALTH_VISITING);
        } else if (age <= LAST_SCHOOL_NURSING_AGE) {
            services.add(Service.SCHOOL_NURSING);
        }
        return services;
    }
}
