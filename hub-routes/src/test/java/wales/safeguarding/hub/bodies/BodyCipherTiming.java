package wales.safeguarding.hub.bodies;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

/**
 * What encryption at rest costs per body: seals and opens a 2 KB body in a loop and prints microseconds per call.
 * Run by hand, not by CI (no threshold; the figure depends on the machine):
 * {@code java -cp hub-routes/target/classes:hub-routes/target/test-classes:schemas/target/classes
 * wales.safeguarding.hub.bodies.BodyCipherTiming}
 */
public final class BodyCipherTiming {

    private BodyCipherTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        BodyCipher cipher = new BodyCipher(KeyRing.of("k1", Map.of("k1", new SecretKeySpec(key, "AES"))),
                new SecureRandom());
        byte[] body = new byte[2048];
        new SecureRandom().nextBytes(body);
        String context = BodyCipher.messageContext(UUID.randomUUID());
        SealedBody sealed = cipher.seal(context, body);
        long sink = 0;
        for (int i = 0; i < rounds / 4; i++) { // warm-up
            sink += cipher.open(context, cipher.seal(context, body)).length;
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += cipher.seal(context, body).ciphertext().length;
        }
        long sealNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += cipher.open(context, sealed).length;
        }
        long openNanos = System.nanoTime() - start;
        System.out.printf("2 KB body, %d rounds: seal (new data key + wrap + encrypt) %.1f µs, open (unwrap + decrypt) "
                + "%.1f µs; stored overhead %d bytes + 60-byte wrapped key (%d)%n", rounds, sealNanos / 1e3 / rounds,
                openNanos / 1e3 / rounds, sealed.ciphertext().length - body.length, sink % 2);
    }
}
