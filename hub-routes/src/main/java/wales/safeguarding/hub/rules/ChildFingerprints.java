package wales.safeguarding.hub.rules;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's fingerprint of a child it knows by name and date of birth only (no {@code childReference}): an
 * HMAC-SHA256, under a key only the hub holds, of the normalised {@code name|dateOfBirth}, written
 * {@code ck1-<key id>-<the first 16 bytes in hex>}. Keyed, so that no child's identifier is stored where it can be read
 * back: a copy of the database cannot be checked against a guessed name and date of birth (the unkeyed
 * {@code child-<hex>} stored before could). Thread-safe; {@link #toString()} shows no key.
 *
 * <p>Rekeyable: new fingerprints are made with the current key; a child recorded under a previous key, or under the
 * unkeyed form from before, is still recognised ({@link #forms}) and its stored key rewritten to the current form when
 * a message names the child ({@link ChildKey#rekeys}).
 */
public final class ChildFingerprints {

    /** The prefix of a keyed fingerprint ({@code ck1-<key id>-<hex>}). */
    public static final String KEYED = "ck1-";
    /** The prefix of the unkeyed fingerprint stored before fingerprints were keyed ({@code child-<hex>}). */
    public static final String UNKEYED = "child-";
    /** The shortest key accepted: 32 bytes of UTF-8, the HMAC-SHA256 output size. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final int KEYED_BYTES = 16;
    private static final int UNKEYED_BYTES = 8;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern KEYED_FORM = Pattern.compile("ck1-(" + ID.pattern() + ")-[0-9a-f]{32}");
    private static final Pattern UNKEYED_FORM = Pattern.compile("child-[0-9a-f]{16}");

    private final String currentId;
    /** The keys by id, the current one first. */
    private final Map<String, SecretKeySpec> keys;

    private ChildFingerprints(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * The fingerprints made with {@code secrets.get(currentId)}; every other key of {@code secrets} is a previous key,
     * still recognised.
     *
     * @throws IllegalArgumentException when the current id is not a key id or has no key, or a key is too short (the
     *                                  message names the id, never the value)
     */
    public static ChildFingerprints of(String currentId, Map<String, String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (!isId(currentId)) {
            throw new IllegalArgumentException("the current child key id must be 1 to 32 letters, digits, '-' or '_', "
                    + "not " + (currentId == null || currentId.isBlank() ? "nothing" : "'" + currentId + "'"));
        }
        if (!secrets.containsKey(currentId)) {
            throw new IllegalArgumentException("there is no child key " + currentId);
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(currentId, key(currentId, secrets.get(currentId)));
        secrets.keySet().stream().filter(id -> !id.equals(currentId)).sorted().forEach(id -> {
            if (!isId(id)) {
                throw new IllegalArgumentException("a child key id must be 1 to 32 letters, digits, '-' or '_', not '"
                        + id + "'");
            }
            keys.put(id, key(id, secrets.get(id)));
        });
        return new ChildFingerprints(currentId, Collections.unmodifiableMap(keys));
    }

    /** Whether {@code id} can name a child key: 1 to 32 letters, digits, '-' and '_', a letter or digit first. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static SecretKeySpec key(String id, String value) {
        if (value == null || value.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the child key " + id + " must be at least " + MIN_KEY_BYTES
                    + " bytes long");
        }
        return new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The id of the key new fingerprints are made with. */
    public String currentId() {
        return currentId;
    }

    /** The ids of the keys held, the current one first. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** The fingerprint of the child of this name and date of birth, under the current key. */
    public String of(String name, LocalDate dateOfBirth) {
        return keyed(currentId, keys.get(currentId), name, dateOfBirth);
    }

    /**
     * Every form a stored key of this child may have: under the current key (first), under each previous key, and
     * the unkeyed form from before fingerprints were keyed (last).
     */
    public List<String> forms(String name, LocalDate dateOfBirth) {
        List<String> forms = new ArrayList<>(keys.size() + 1);
        keys.forEach((id, key) -> forms.add(keyed(id, key, name, dateOfBirth)));
        forms.add(unkeyed(name, dateOfBirth));
        return forms;
    }

    /** The prefix of a keyed NHS number ({@code nn1-<key id>-<hex>}): register enquiries look children up by it. */
    public static final String NHS_NUMBER = "nn1-";

    /**
     * The keyed hash of an NHS number under the current key ({@code nn1-<key id>-<hex>}), so that the register can be
     * asked by NHS number without the number being stored: a copy of the database cannot be checked against a guess.
     * The number is read without spaces.
     */
    public String nhsNumber(String nhsNumber) {
        return nhsKeyed(currentId, keys.get(currentId), nhsNumber);
    }

    /** Every form a stored NHS number hash may have: under the current key (first), then each previous key. */
    public List<String> nhsNumberForms(String nhsNumber) {
        List<String> forms = new ArrayList<>(keys.size());
        keys.forEach((id, key) -> forms.add(nhsKeyed(id, key, nhsNumber)));
        return forms;
    }

    private static String nhsKeyed(String id, SecretKeySpec key, String nhsNumber) {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Mac mac;
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
        byte[] hash = mac.doFinal(("nhs-number|" + nhsNumber.replaceAll("\\s+", "")).getBytes(StandardCharsets.UTF_8));
        return NHS_NUMBER + id + "-" + HexFormat.of().formatHex(hash, 0, KEYED_BYTES);
    }

    /** Whether a stored key is a fingerprint not in the current form: unkeyed, or keyed under another key. */
    public boolean isStale(String stored) {
        if (stored == null) {
            return false;
        }
        if (UNKEYED_FORM.matcher(stored).matches()) {
            return true;
        }
        Matcher keyed = KEYED_FORM.matcher(stored);
        return keyed.matches() && !keyed.group(1).equals(currentId);
    }

    /** Whether a stored key is the unkeyed fingerprint from before fingerprints were keyed. */
    public static boolean isUnkeyed(String stored) {
        return stored != null && UNKEYED_FORM.matcher(stored).matches();
    }

    /** The child's identity as fingerprinted: NFC, trimmed, lower case, single spaces; then the date of birth. */
    static String identity(String name, LocalDate dateOfBirth) {
        String normal = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        return normal.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + dateOfBirth;
    }

    private static String keyed(String id, SecretKeySpec key, String name, LocalDate dateOfBirth) {
        Mac mac;
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
        byte[] hash = mac.doFinal(("child-key|" + identity(name, dateOfBirth)).getBytes(StandardCharsets.UTF_8));
        return KEYED + id + "-" + HexFormat.of().formatHex(hash, 0, KEYED_BYTES);
    }

    /**
     * The unkeyed fingerprint stored before fingerprints were keyed, exactly as it was computed then (so that a case
     * recorded then still finds its children): never stored again.
     */
    static String unkeyed(String name, LocalDate dateOfBirth) {
        String identity = (name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                + "|" + dateOfBirth;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return UNKEYED + HexFormat.of().formatHex(hash, 0, UNKEYED_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ChildFingerprints[current " + currentId + ", " + keys.size() + " keys]";
    }
}
