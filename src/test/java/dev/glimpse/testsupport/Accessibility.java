package dev.glimpse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm package's {@code axe.min.js}, kept as a test resource with its licence) in the page and
 * reports the serious and critical violations, each as "rule: help (n elements: selectors)".
 */
public final class Accessibility {

    private static final String AXE = read();

    private Accessibility() {}

    public static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(result => done(result.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({id: v.id, help: v.help,
                                  nodes: v.nodes.map(n => JSON.stringify(n.target)).slice(0, 5)}))))
                  .catch(error => done([{id: 'axe-failed', help: String(error), nodes: []}]));
                """);
        return violations.stream()
                .map(v -> v.get("id") + ": " + v.get("help") + " " + v.get("nodes"))
                .toList();
    }

    private static String read() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
