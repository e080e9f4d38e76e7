package wales.safeguarding.hub.rules;

import java.util.List;

/**
 * One child of a case: their GP practice, school and police force as the messages told the hub, and whether they
 * are on the child protection register. {@code schoolFromTransfer}: a school-transfer set the school, which then
 * holds until the next transfer. {@code otherProvision}: the education providers the child attends besides their
 * school (pupil referral units, EOTAS providers, youth justice and youth support services), by directory id, as the
 * last message that named them gave them; empty when none is known.
 */
public record ChildRecord(String key, String gpPractice, String school, String policeForce, boolean registered,
        boolean schoolFromTransfer, List<String> otherProvision) {

    public ChildRecord {
        otherProvision = otherProvision == null ? List.of() : List.copyOf(otherProvision);
    }

    /** A child with no other education provider known. */
    public ChildRecord(String key, String gpPractice, String school, String policeForce, boolean registered,
            boolean schoolFromTransfer) {
        this(key, gpPractice, school, policeForce, registered, schoolFromTransfer, List.of());
    }
}
