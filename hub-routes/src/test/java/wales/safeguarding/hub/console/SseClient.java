package wales.safeguarding.hub.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a server-sent event stream for a bounded time, then hangs up. */
final class SseClient {

    /** One event: its name and data. */
    record Event(String name, String data) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SseClient() {
    }

    static int status(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = CLIENT.send(request(url, authorization), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    /** The events read until {@code until} holds for the events so far, or {@code timeout} passes. */
    static List<Event> read(String url, String authorization, Duration timeout, Predicate<List<Event>> until)
            throws IOException, InterruptedException {
        return read(url, authorization, timeout, e -> { }, until);
    }

    /** As above, telling {@code onEvent} of each event as it comes. */
    static List<Event> read(String url, String authorization, Duration timeout,
            java.util.function.Consumer<Event> onEvent, Predicate<List<Event>> until)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = CLIENT.send(request(url, authorization), HttpResponse.BodyHandlers.ofInputStream());
        List<Event> events = new ArrayList<>();
        Instant end = Instant.now().plus(timeout);
        try (InputStream body = response.body();
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while (Instant.now().isBefore(end) && (line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && data.length() > 0) {
                    Event event = new Event(name, data.toString());
                    events.add(event);
                    onEvent.accept(event);
                    name = "message";
                    data.setLength(0);
                    if (until.test(events)) {
                        break;
                    }
                }
            }
        }
        return events;
    }

    private static HttpRequest request(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }
}
