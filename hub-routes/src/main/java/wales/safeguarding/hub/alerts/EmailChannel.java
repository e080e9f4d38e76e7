package wales.safeguarding.hub.alerts;

import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.schemas.envelope.LanguagePreference;

/** Operational alerts by e-mail over SMTP ({@code hub.alerts.smtp.*}); off without a host and a recipient. */
@ApplicationScoped
public class EmailChannel implements AlertChannel {

    private final Optional<String> host;
    private final int port;
    private final String from;
    private final Optional<String> to;
    private final Optional<String> username;
    private final Optional<String> password;
    private final boolean starttls;
    private final int timeoutMs;
    /** The operators' language: Welsh, English, or both (Welsh first) where unknown. */
    private final LanguagePreference language;

    public EmailChannel(@ConfigProperty(name = "hub.alerts.smtp.host") Optional<String> host,
            @ConfigProperty(name = "hub.alerts.smtp.port", defaultValue = "587") int port,
            @ConfigProperty(name = "hub.alerts.smtp.from", defaultValue = "safeguarding-hub@localhost") String from,
            @ConfigProperty(name = "hub.alerts.smtp.to") Optional<String> to,
            @ConfigProperty(name = "hub.alerts.smtp.username") Optional<String> username,
            @ConfigProperty(name = "hub.alerts.smtp.password") Optional<String> password,
            @ConfigProperty(name = "hub.alerts.smtp.starttls", defaultValue = "true") boolean starttls,
            @ConfigProperty(name = "hub.alerts.send-timeout-ms", defaultValue = "10000") int timeoutMs,
            @ConfigProperty(name = "hub.alerts.language", defaultValue = "unknown") String language) {
        this.language = LanguagePreference.fromCode(language).orElseThrow(() -> new IllegalArgumentException(
                "hub.alerts.language: '" + language + "' is not cy, en or unknown (both, Welsh first)"));
        this.host = host.filter(h -> !h.isBlank());
        this.port = port;
        this.from = from;
        this.to = to.filter(t -> !t.isBlank());
        this.username = username.filter(u -> !u.isBlank());
        this.password = password;
        this.starttls = starttls;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return host.isPresent() && to.isPresent();
    }

    @Override
    public void send(AlertNotice notice) throws MessagingException {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to.orElseThrow()));
        mail.setSubject(AlertTexts.subject(notice, language), "UTF-8");
        mail.setText(AlertTexts.plain(notice, language), "UTF-8");
        Transport.send(mail);
    }

    private Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", host.orElseThrow());
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMs));
        p.put("mail.smtp.timeout", String.valueOf(timeoutMs));
        p.put("mail.smtp.writetimeout", String.valueOf(timeoutMs));
        if (starttls) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (username.isEmpty()) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        String user = username.get();
        String secret = password.orElse("");
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, secret);
            }
        });
    }
}
