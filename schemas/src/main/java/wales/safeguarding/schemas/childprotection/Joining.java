package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import wales.safeguarding.schemas.dutytoreport.Address;

/** How to join a meeting: where it is, the https link, a dial-in number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Joining(Address address, String link, String phone) {}
