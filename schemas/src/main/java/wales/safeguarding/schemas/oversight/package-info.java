/**
 * Oversight by the safeguarding boards (review recommendation 4.1): the monthly board-report-export to the National
 * Independent Safeguarding Board.
 */
package wales.safeguarding.schemas.oversight;
