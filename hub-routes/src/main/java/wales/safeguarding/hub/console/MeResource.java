package wales.safeguarding.hub.console;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** Who the console user is, their console roles and the language the console speaks to them. */
@Path("/api/v1/console/me")
@Authenticated
@Tag(name = "Console", description = "The routing console's JSON API")
public class MeResource {

    public record Me(String user, List<String> roles, String language) {
    }

    public record LanguageChoice(String language) {
    }

    private final SecurityIdentity identity;
    private final Transactions transactions;
    private final ConsoleUserRepository users;
    private final Clock clock;

    public MeResource(SecurityIdentity identity, Transactions transactions, ConsoleUserRepository users, Clock clock) {
        this.identity = identity;
        this.transactions = transactions;
        this.users = users;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user, their console roles and language")
    public Me me() {
        String user = identity.getPrincipal().getName();
        String language = ConsoleLanguage.choose(transactions.inTransaction(c -> users.language(c, user)), tokenLocale());
        return new Me(user, ConsoleRoles.ALL.stream().filter(identity::hasRole).toList(), language);
    }

    @PUT
    @Path("/language")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Remember the user's console language (cy or en)")
    public Me language(LanguageChoice choice) {
        String language = ConsoleLanguage.requireSupported(choice == null ? null : choice.language());
        String user = identity.getPrincipal().getName();
        transactions.inTransaction(c -> {
            users.setLanguage(c, user, language, clock.instant());
            return null;
        });
        return me();
    }

    private String tokenLocale() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object locale = token.getClaim("locale");
            return locale == null ? null : locale.toString().replace("\"", "");
        }
        return null;
    }
}
