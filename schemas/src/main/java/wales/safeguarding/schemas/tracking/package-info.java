/**
 * Bodies the hub itself makes while tracking a message: the transport receipt and the escalation
 * sent when a statutory clock runs out.
 */
package wales.safeguarding.schemas.tracking;
