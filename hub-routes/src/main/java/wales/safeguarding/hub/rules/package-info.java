/**
 * The statutory rules as plain logic. Each flow's {@link wales.safeguarding.hub.rules.FlowRules} decides, over
 * {@link wales.safeguarding.hub.rules.CaseFacts} read in the intake's transaction, who a message must reach and what
 * its acceptance changes ({@link wales.safeguarding.hub.rules.Effect}: clocks started, stopped or moved, what the
 * case record learns, notes for people). The rules touch no database and start no framework, so each clause of the
 * procedures is a plain unit test; the intake applies the effects in the same transaction that stores the message.
 * This package depends on the schemas, the directory, the calendar and the tracking records only.
 */
package wales.safeguarding.hub.rules;
