/**
 * The envelope every hub message travels in, its wire enums, and the one Jackson configuration
 * ({@link wales.safeguarding.schemas.envelope.CanonicalJson}) used to read and write messages.
 */
package wales.safeguarding.schemas.envelope;
