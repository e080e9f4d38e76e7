/**
 * Bodies of the child protection process, from the strategy meeting to removal from the register
 * (Wales Safeguarding Procedures): invitations, conference reports, outline plans, minutes and
 * their corrections, register changes, plan updates, and the alerts and information shared
 * between council, police, health and school. Every one of them belongs to a case held by a
 * council (the envelope's {@code caseReference} is required).
 *
 * <p>Shapes several bodies share ({@link wales.safeguarding.schemas.childprotection.ChildRef},
 * {@link wales.safeguarding.schemas.childprotection.Meeting},
 * {@link wales.safeguarding.schemas.childprotection.Invitee},
 * {@link wales.safeguarding.schemas.childprotection.DocumentContent}) are one record each here and
 * one identical {@code $defs} entry in each body schema that uses them.
 */
package wales.safeguarding.schemas.childprotection;
