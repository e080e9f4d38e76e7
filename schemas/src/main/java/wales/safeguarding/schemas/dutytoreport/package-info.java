/**
 * Bodies of the duty-to-report exchange: the report made to a child's local authority
 * ({@link wales.safeguarding.schemas.dutytoreport.DutyToReport}) and the two replies the
 * report-maker is owed, the acknowledgement and the outcome.
 */
package wales.safeguarding.schemas.dutytoreport;
