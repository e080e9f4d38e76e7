package wales.safeguarding.hub.rules;

/**
 * A case as the hub knows it from its messages. {@code schoolFromTransfer}: a school-transfer set the school, which
 * then holds until the next transfer.
 */
public record ChildCase(String caseReference, String council, String gpPractice, String school, String policeForce,
        boolean registered, boolean schoolFromTransfer) {

    public ChildCase(String caseReference, String council, String gpPractice, String school, String policeForce,
            boolean registered) {
        this(caseReference, council, gpPractice, school, policeForce, registered, false);
    }
}
