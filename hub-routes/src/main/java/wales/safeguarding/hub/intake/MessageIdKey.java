package wales.safeguarding.hub.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.secrets.SecretFolder;
import wales.safeguarding.hub.secrets.SecretVersions;
import wales.safeguarding.hub.secrets.UnusableSecretException;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The hub's key for the message ids it derives ({@link DerivedIds}: police notices, GP reports and acknowledgements,
 * register changes). The file {@code hub.message-ids.secret-file} when set (a mounted Secret, read again when it
 * changes, rotated with {@code <file>.previous} and {@code <file>.previous-until} as the per-agency secrets are), else
 * {@code hub.message-ids.secret} with {@code hub.message-ids.secret.previous} (the environment, the demo and the
 * tests). No default in production: the hub does not start without one. Never logged.
 *
 * <p>A rotation changes the ids derived from then on; while the previous key is known the hub still finds a message
 * by the id it derived before (a notice sent again is a duplicate, a force finds its notice).
 */
@ApplicationScoped
public class MessageIdKey {

    private static final Logger LOG = Logger.getLogger(MessageIdKey.class);

    private final Optional<String> secret;
    private final Optional<String> previous;
    private final Optional<SecretFolder> folder;
    private final String fileKey;
    private final Transactions transactions;
    private final TrackingRepository tracking;

    @Inject
    public MessageIdKey(@ConfigProperty(name = "hub.message-ids.secret") Optional<String> secret,
            @ConfigProperty(name = "hub.message-ids.secret.previous") Optional<String> previous,
            @ConfigProperty(name = "hub.message-ids.secret-file") Optional<String> secretFile,
            @ConfigProperty(name = "hub.agencies.secret-overlap", defaultValue = "P7D") Duration overlap,
            @ConfigProperty(name = "hub.agencies.secrets-check-interval", defaultValue = "PT5S") Duration checkInterval,
            Clock clock, Transactions transactions, TrackingRepository tracking) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.secret = secret.filter(s -> !s.isBlank());
        this.previous = previous.filter(s -> !s.isBlank());
        Optional<Path> file = secretFile.filter(f -> !f.isBlank()).map(f -> Path.of(f).toAbsolutePath());
        this.fileKey = file.map(f -> f.getFileName().toString()).orElse(null);
        if (fileKey != null && !SecretFolder.isKey(fileKey)) {
            throw new IllegalStateException("hub.message-ids.secret-file must name a file of letters, digits, '-', "
                    + "'_' and inner dots, not " + file.get());
        }
        this.folder = file.map(f -> new SecretFolder(f.getParent(), overlap, checkInterval, clock, System::nanoTime));
        if (folder.isEmpty() && this.secret.isEmpty()) {
            throw new IllegalStateException("The hub derives message ids with a key of its own: set "
                    + "hub.message-ids.secret-file (HUB_MESSAGE_IDS_SECRET_FILE) or hub.message-ids.secret "
                    + "(HUB_MESSAGE_IDS_SECRET), 32 or more random characters, the same on every hub instance");
        }
    }

    /** Reads the key at start-up, so a missing file or a short key stops the hub rather than the first notice. */
    void atStart(@Observes StartupEvent start) {
        ids();
        LOG.infof("derived message ids: keyed with %s", folder.isPresent() ? "the file " + fileKey
                : "hub.message-ids.secret");
    }

    /**
     * The derivation under the key now in force (and during a rotation the previous one).
     *
     * @throws UnusableSecretException when the key file is missing or unusable, or the key too short
     */
    public DerivedIds ids() {
        SecretVersions versions = folder.isPresent()
                ? folder.get().read(fileKey).orElseThrow(() -> new UnusableSecretException("the message-id key file "
                        + folder.get().folder().resolve(fileKey) + " does not exist"))
                : new SecretVersions(secret.orElseThrow(), previous.orElse(null));
        try {
            return new DerivedIds(versions.current(), versions.previous());
        } catch (IllegalArgumentException tooShort) {
            throw new UnusableSecretException(tooShort.getMessage());
        }
    }

    /**
     * The derivation as the rules take it (a supplier, so a rotation is seen at the next use), without them depending
     * on the intake package.
     */
    @jakarta.enterprise.inject.Produces
    java.util.function.Supplier<DerivedIds> derivation() {
        return this::ids;
    }

    /**
     * The message {@code sender} was given under one of these derived ids ({@link DerivedIds#candidates}, the current
     * key's first), if it is of {@code type}: a message the hub derived the id of before a key rotation is found.
     */
    public Optional<StoredMessage> find(String sender, MessageType type, List<UUID> candidates) {
        return transactions.inTransaction(c -> {
            for (UUID id : candidates) {
                Optional<StoredMessage> found = tracking.findMessage(c, id)
                        .filter(m -> m.sender().equals(sender) && m.type().equals(type.wireName()));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.<StoredMessage>empty();
        });
    }

    /**
     * The id for a message of {@code sender} the hub derives: the one it was given before (during a rotation, under
     * the previous key) when there is one, else under the current key.
     */
    public UUID idFor(String sender, MessageType type, String purpose, String... parts) {
        DerivedIds ids = ids();
        List<UUID> candidates = ids.candidates(purpose, parts);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        return find(sender, type, candidates).map(StoredMessage::messageId).orElse(candidates.get(0));
    }

    @Override
    public String toString() {
        return "MessageIdKey[" + (folder.isPresent() ? "file" : "configuration") + "]";
    }
}
