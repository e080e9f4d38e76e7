package wales.safeguarding.hub.rules;

/**
 * One child of a case: their GP practice, school and police force as the messages told the hub, and whether they
 * are on the child protection register. {@code schoolFromTransfer}: a school-transfer set the school, which then
 * holds until the next transfer.
 */
public record ChildRecord(String key, String gpPractice, String school, String policeForce, boolean registered,
        boolean schoolFromTransfer) {
}
