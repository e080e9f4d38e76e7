/**
 * The need-to-know policy ({@code policy/need-to-know.json}): which parts of each message body
 * each kind of recipient receives, and the code that trims a body to them before delivery.
 */
package wales.safeguarding.schemas.policy;
