package wales.safeguarding.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Appends every log record of a test hub (the hub's own categories at DEBUG, everything else at INFO) to
 * {@code target/hub-test.log}, message, exception and logging context included, for {@code ChildDataInLogsIT} to scan
 * after the suite. Installed when each test application starts, removed when it stops.
 */
@ApplicationScoped
public class LogRecorder {

    static final Path FILE = Path.of("target", "hub-test.log");

    private Handler handler;

    void start(@Observes StartupEvent started) throws IOException {
        Files.createDirectories(FILE.getParent());
        Writer out = Files.newBufferedWriter(FILE, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                try {
                    StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ')
                            .append(record.getLoggerName()).append(' ');
                    if (record instanceof ExtLogRecord ext) {
                        line.append(ext.getFormattedMessage()).append(" mdc=").append(ext.getMdcCopy());
                    } else {
                        line.append(record.getMessage());
                    }
                    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                        line.append(" | ").append(t);
                    }
                    out.write(line.toString().replace('\n', ' '));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public synchronized void flush() {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public synchronized void close() {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(handler);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (handler != null) {
            java.util.logging.Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
    }
}
