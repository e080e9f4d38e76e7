package wales.safeguarding.hub.signin;

import java.util.List;
import java.util.stream.Collectors;

import wales.safeguarding.hub.signin.DevUsers.DevUser;

/** The dev identity provider's sign-in page, in Welsh and English. Every value placed in it is escaped. */
final class SignInPage {

    private SignInPage() {
    }

    static String render(List<DevUser> users, String clientId, String redirectUri, String state, String nonce,
            boolean failed) {
        String options = users.stream()
                .map(u -> "<li><code>" + escape(u.name()) + "</code> — " + escape(String.join(", ", u.roles())) + "</li>")
                .collect(Collectors.joining());
        return "<!DOCTYPE html><html lang=\"cy\"><head><meta charset=\"utf-8\">"
                + "<title>Mewngofnodi · Sign in — Safeguarding hub (demo)</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#1d1d1b}"
                + "label{display:block;margin:.6rem 0 .2rem}input{padding:.4rem;width:100%}"
                + "button{margin-top:1rem;padding:.5rem 1.2rem}.error{color:#a00}</style></head><body>"
                + "<h1>Mewngofnodi · Sign in</h1>"
                + "<p>Defnyddwyr demo yn unig · Demo users only (password: see the README)</p>"
                + (failed ? "<p class=\"error\" id=\"sign-in-error\">Enw neu gyfrinair anghywir · Wrong name or password</p>" : "")
                + "<form method=\"post\" action=\"auth\">"
                + "<label for=\"username\">Enw defnyddiwr · User name</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required>"
                + "<label for=\"password\">Cyfrinair · Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + hidden("client_id", clientId) + hidden("redirect_uri", redirectUri) + hidden("state", state)
                + hidden("nonce", nonce)
                + "<button id=\"sign-in\" type=\"submit\">Mewngofnodi · Sign in</button></form>"
                + "<h2>Defnyddwyr · Users</h2><ul>" + options + "</ul></body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value == null ? "" : value) + "\">";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
