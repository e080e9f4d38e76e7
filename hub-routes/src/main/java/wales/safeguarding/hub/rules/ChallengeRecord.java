package wales.safeguarding.hub.rules;

/**
 * A professional challenge as the hub holds it (2023 review, recommendation 5.2): who challenged whom, the stage it
 * has reached (practitioner, manager, senior-manager, board) and, once answered so, its resolution (agreed or
 * resolved; null while open).
 */
public record ChallengeRecord(String caseReference, String challengeId, String council, String challenger,
        String challenged, String stage, String resolution) {

    public boolean open() {
        return resolution == null;
    }
}
