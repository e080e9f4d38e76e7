package wales.safeguarding.hub.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Secrets as files in one folder, one file per secret, as a Kubernetes Secret volume mounts them: the file name is
 * the key ({@code school-6699001.webhook-secret}), the content the value. A rotation adds {@code <key>.previous} (the
 * old value) and optionally {@code <key>.previous-until} (an ISO-8601 instant, the end of the overlap); without it
 * the old value stays valid for the overlap after the current value appeared ({@link SecretVersions#of}).
 *
 * <p>Read lazily and kept: a file is looked at again at most once per check interval, and read again only when its
 * modification time, size or file identity changed. Kubernetes updates a Secret volume by writing a new timestamped
 * folder and swapping the {@code ..data} symbolic link, so every key file resolves to a new inode: the identity check
 * sees that even within one clock tick. Trailing line breaks are dropped (a file written by {@code echo} carries
 * one). No value is ever logged or put in a message.
 */
public final class SecretFolder {

    public static final String PREVIOUS = ".previous";
    public static final String PREVIOUS_UNTIL = ".previous-until";

    private static final int MAX_SECRET_BYTES = 64 * 1024;
    // A file name, never a path: no separators, no leading dot (Kubernetes' own ..data entries), no "..".
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private final Path folder;
    private final Duration overlap;
    private final long checkIntervalNanos;
    private final Clock clock;
    private final LongSupplier ticker;
    private final ConcurrentMap<String, FileState> files = new ConcurrentHashMap<>();

    /**
     * @param folder        the mounted folder
     * @param overlap       how long a {@code .previous} without {@code .previous-until} stays valid
     * @param checkInterval how often a file is looked at again, at most
     * @param clock         the hub's clock, for the overlap
     * @param ticker        monotonic nanoseconds ({@code System::nanoTime}), for the check interval
     */
    public SecretFolder(Path folder, Duration overlap, Duration checkInterval, Clock clock, LongSupplier ticker) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.checkIntervalNanos = checkInterval.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    public Path folder() {
        return folder;
    }

    /** Whether {@code key} can name a file in the folder (no path, no leading dot). */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * The secret {@code key} and, during its overlap, the one it replaced; empty when there is no file {@code key}.
     *
     * @throws UnusableSecretException when a file exists but cannot be used; the message names the file
     */
    public Optional<SecretVersions> read(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("a secret key is a plain file name of letters, digits, '-', '_' and "
                    + "inner dots; not " + key);
        }
        FileState current = file(key);
        if (current.value == null) {
            return Optional.empty();
        }
        FileState previous = file(key + PREVIOUS);
        if (previous.value == null) {
            return Optional.of(new SecretVersions(current.value, null));
        }
        FileState until = file(key + PREVIOUS_UNTIL);
        return Optional.of(SecretVersions.of(current.value, previous.value, until.value == null ? null
                : instant(key + PREVIOUS_UNTIL, until.value), current.since, overlap, clock.instant()));
    }

    private Instant instant(String name, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UnusableSecretException("the secret file " + folder.resolve(name)
                    + " must hold an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
    }

    /** The file as last seen, looked at again when the check interval has passed; throws if it is unusable. */
    private FileState file(String name) {
        long now = ticker.getAsLong();
        FileState cached = files.get(name);
        FileState state = cached != null && now - cached.checkedAt < checkIntervalNanos ? cached : look(name, cached, now);
        if (state != cached) {
            files.put(name, state);
        }
        if (state.error != null) {
            throw new UnusableSecretException(state.error);
        }
        return state;
    }

    private FileState look(String name, FileState cached, long now) {
        Path path = folder.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException absent) {
            return FileState.absent(now);
        } catch (IOException e) {
            return FileState.failed("the secret file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", now);
        }
        Stamp stamp = new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        if (cached != null && cached.error == null && cached.value != null && stamp.equals(cached.stamp)) {
            return cached.checked(now);
        }
        if (attributes.isDirectory()) {
            return FileState.failed("the secret file " + path + " is a folder, not a file", now);
        }
        if (attributes.size() > MAX_SECRET_BYTES) {
            return FileState.failed("the secret file " + path + " is larger than " + MAX_SECRET_BYTES / 1024 + " KiB",
                    now);
        }
        String value;
        try {
            value = stripLineBreaks(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (NoSuchFileException removedMeanwhile) {
            return FileState.absent(now);
        } catch (IOException e) {
            return FileState.failed("the secret file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", now);
        }
        if (value.isBlank()) {
            return FileState.failed("the secret file " + path + " is empty", now);
        }
        // Kept while the value is the same: a Kubernetes update of another key rewrites every file (new time).
        Instant since = cached != null && value.equals(cached.value) ? cached.since : stamp.modified.toInstant();
        return new FileState(value, stamp, since, now, null);
    }

    private static String stripLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    @Override
    public String toString() {
        return "SecretFolder[" + folder + ", overlap=" + overlap + "]";
    }

    /** What identifies one version of a file without reading it. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
    }

    /** A file as last seen: its value (null when absent or unusable), or why it cannot be used. */
    private static final class FileState {

        final String value;
        final Stamp stamp;
        final Instant since;
        final long checkedAt;
        final String error;

        FileState(String value, Stamp stamp, Instant since, long checkedAt, String error) {
            this.value = value;
            this.stamp = stamp;
            this.since = since;
            this.checkedAt = checkedAt;
            this.error = error;
        }

        static FileState absent(long now) {
            return new FileState(null, null, null, now, null);
        }

        static FileState failed(String error, long now) {
            return new FileState(null, null, null, now, error);
        }

        FileState checked(long now) {
            return new FileState(value, stamp, since, now, error);
        }

        @Override
        public String toString() {
            return "FileState[" + (error != null ? "unusable" : value == null ? "absent" : "present") + "]";
        }
    }
}
