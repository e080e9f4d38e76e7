package wales.safeguarding.hub.support;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Each test JVM gets its own embedded-broker journal, so nothing queued by an earlier run is delivered into this one. */
public class FreshBrokerJournal implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path journal = Path.of("target", "hub-test-broker-" + ProcessHandle.current().pid()).toAbsolutePath();
        return Map.of("hub.broker.embedded.data-dir", journal.toString());
    }

    @Override
    public void stop() {
        // the journal stays under target/ for a look after a failure
    }
}
