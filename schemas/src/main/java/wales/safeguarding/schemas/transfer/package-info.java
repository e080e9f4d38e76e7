/**
 * Transfers of a case between local authorities (Wales Safeguarding Procedures, children who move between local
 * authority areas): the case-transfer message.
 */
package wales.safeguarding.schemas.transfer;
