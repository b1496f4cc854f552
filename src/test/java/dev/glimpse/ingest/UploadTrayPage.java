package dev.glimpse.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The upload tray as a person uses it in the browser: pick files, drop them somewhere, read the rows and summaries. */
final class UploadTrayPage {

    private final WebDriver browser;

    UploadTrayPage(WebDriver browser) {
        this.browser = browser;
    }

    /** Picks the files with the tray's file chooser (one pick). */
    void choose(Path... paths) {
        WebElement input = browser.findElement(By.id("upload-input"));
        js("arguments[0].value = '';", input);
        input.sendKeys(
                String.join("\n", List.of(paths).stream().map(Path::toString).toList()));
    }

    /** Drops the files on the element (one drop), as a drag from the desktop does: dragover first, then drop. */
    void drop(WebElement target, Path... paths) throws Exception {
        StringBuilder files = new StringBuilder("[");
        for (Path path : paths) {
            files.append("{name: '")
                    .append(path.getFileName())
                    .append("', data: '")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(path)))
                    .append("'},");
        }
        files.append("]");
        Object prevented = js("""
                const transfer = new DataTransfer();
                for (const f of %s) {
                  const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                  transfer.items.add(new File([bytes], f.name, {type: 'image/png'}));
                }
                const over = new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: transfer});
                arguments[0].dispatchEvent(over);
                const drop = new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: transfer});
                arguments[0].dispatchEvent(drop);
                return over.defaultPrevented && drop.defaultPrevented;
                """.formatted(files), target);
        if (!Boolean.TRUE.equals(prevented)) {
            throw new AssertionError("the page left the drop to the browser, which would open the file instead");
        }
    }

    /** The summaries of the picks, newest first. */
    List<String> summaries() {
        return browser.findElements(By.cssSelector("#upload-results .upload-summary")).stream()
                .map(WebElement::getText)
                .toList();
    }

    String newestSummary() {
        List<String> all = summaries();
        return all.isEmpty() ? "" : all.getFirst();
    }

    List<WebElement> rows(String filter) {
        return browser.findElements(By.cssSelector("#upload-results .upload-result" + filter));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
