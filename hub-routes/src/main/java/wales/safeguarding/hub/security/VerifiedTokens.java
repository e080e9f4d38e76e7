package wales.safeguarding.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Bearer tokens already verified, so that an agency system sending many messages with one access token is not
 * verified again on each request (signature, issuer, audience and expiry: 12-17 % of the hub's CPU in the
 * benchmark's profile). Plain logic: the caller gives the time.
 *
 * <p>Why this is safe (hub-routes README, "Security"): an entry is found only by the SHA-256 of the exact token
 * string, so a token differing in any character (another signature, claim or header) is a miss and is verified in
 * full; only tokens that passed full verification are kept; an entry is never used at or after the token's own
 * {@code exp}, nor longer than {@code maxAge} after it was verified (the bound on how long a signing key withdrawn
 * from the issuer's key set still opens a token it signed); the cache holds at most {@code maxEntries}, least recently
 * used first out. The key also names the OIDC tenant, so a token verified for one tenant is never taken for another.
 */
public final class VerifiedTokens<I> {

    /** A verified identity and when it stops being usable. */
    private record Entry<I>(I identity, Instant usableUntil) {
    }

    private final Duration maxAge;
    private final Cache<String, Entry<I>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public VerifiedTokens(Duration maxAge, long maxEntries) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the time a verified token is kept must be positive, was " + maxAge);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the number of verified tokens kept must be at least 1, was " + maxEntries);
        }
        this.maxAge = maxAge;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
    }

    /** The identity verified earlier for this exact token in this tenant, if it is still usable at {@code now}. */
    public Optional<I> find(String tenant, String token, Instant now) {
        String key = key(tenant, token);
        Entry<I> entry = entries.getIfPresent(key);
        if (entry == null) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        if (!now.isBefore(entry.usableUntil())) {
            entries.invalidate(key);
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(entry.identity());
    }

    /**
     * Keeps an identity that full verification has just accepted. A token without an expiry, or already expired, is
     * not kept.
     */
    public void keep(String tenant, String token, I identity, Instant expiresAt, Instant verifiedAt) {
        if (expiresAt == null || !verifiedAt.isBefore(expiresAt)) {
            return;
        }
        Instant bound = verifiedAt.plus(maxAge);
        entries.put(key(tenant, token), new Entry<>(identity, expiresAt.isBefore(bound) ? expiresAt : bound));
    }

    /** Drops every entry (a signing key withdrawn in an emergency: also restart, or wait {@code maxAge}). */
    public void forgetAll() {
        entries.invalidateAll();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static String key(String tenant, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((tenant == null ? "" : tenant).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
