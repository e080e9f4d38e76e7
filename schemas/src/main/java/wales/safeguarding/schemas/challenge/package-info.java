/**
 * Professional challenge between agencies (2023 review, recommendation 5.2): the challenge and its response.
 */
package wales.safeguarding.schemas.challenge;
