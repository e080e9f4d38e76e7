package wales.safeguarding.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the {@code org.webjars.npm:axe-core} test jar) run in the page the browser shows: the script is read from
 * the test's classpath and given to the page through Selenium, so the hub never serves it and the console's
 * Content-Security-Policy stays as in production. WCAG 2.0, 2.1 and 2.2 A and AA rules; a view passes with no
 * serious or critical violation.
 */
public final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String AXE = read();

    private Axe() {
    }

    /** Runs axe on the whole page and fails, naming each rule and the elements it found, on a serious or critical one. */
    @SuppressWarnings("unchecked")
    public static void assertNoSeriousViolations(Browser browser, String view) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(AXE);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        assertThat(violations).as("serious or critical accessibility violations on the %s view: %s", view, violations)
                .isEmpty();
    }

    private static String read() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
