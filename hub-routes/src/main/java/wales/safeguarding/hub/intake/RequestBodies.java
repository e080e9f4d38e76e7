package wales.safeguarding.hub.intake;

import wales.safeguarding.hub.problems.ProblemException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, so no caller can make the hub hold more than it will accept. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, or a 413 problem when it is longer than {@code maxBytes}. */
    public static byte[] readLimited(InputStream body, long maxBytes) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw ProblemException.tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.notJson("the body could not be read");
        }
    }
}
