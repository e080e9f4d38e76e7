/**
 * Checks a whole message (envelope and body) against the JSON Schemas of the contract plus the
 * rules a schema cannot say (the NHS number check digit), and reports every violation as a
 * JSON pointer and a rule name.
 */
package wales.safeguarding.schemas.validation;
