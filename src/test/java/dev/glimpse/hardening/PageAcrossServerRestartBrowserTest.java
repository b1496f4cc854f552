package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The upload page while its server is stopped and started again on the same address (an upgrade, a crash): the page
 * says it cannot reach Glimpse, a file picked meanwhile is kept and says it waits for the connection, and once the
 * server is back the page recovers by itself (its session died with the old server) and sends the file.
 */
@Tag("browser")
@Tag("hardening")
class PageAcrossServerRestartBrowserTest {

    @TempDir
    Path scratch;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aFilePickedWhileTheServerIsDownIsSentOnceItIsBackAndThePageRecoversByItself() throws Exception {
        // a heartbeat far beyond the waits below: the page must notice the outage from its push connection dropping
        List<String> arguments = new ArrayList<>(List.of("--vaadin.heartbeat-interval=600"));
        try (GlimpseProcess glimpse = new GlimpseProcess(scratch.resolve("app"), arguments).keepingItsPort()) {
            glimpse.start();
            browser.get(glimpse.uri("/").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(driver -> "connected".equals(connection()));
            wait.until(driver -> !driver.findElements(By.id("upload-input")).isEmpty());

            ((JavascriptExecutor) browser).executeScript("window.glimpseBeforeRestart = true;");
            glimpse.close();
            long stopped = System.nanoTime();
            WebElement banner = new WebDriverWait(browser, Duration.ofSeconds(45))
                    .until(driver -> driver.findElements(By.cssSelector("#connection-banner")).stream()
                            .filter(WebElement::isDisplayed)
                            .findFirst()
                            .orElse(null));
            assertThat(banner.getText()).startsWith("Can't reach Glimpse — retrying…");
            System.out.printf("banner shown %d ms after the server stopped%n", millisSince(stopped));

            Path photo = Files.write(scratch.resolve("while-down.png"), TestImages.png(96, 64, 901));
            browser.findElement(By.id("upload-input")).sendKeys(photo.toString());
            wait.until(driver -> driver.findElements(By.cssSelector("#upload-results .upload-result")).stream()
                    .map(WebElement::getText)
                    .anyMatch(text -> text.contains("while-down.png") && text.contains("Waiting for connection")));

            glimpse.start();
            long back = System.nanoTime();
            // the old session is gone with the old server: the page reloads itself, the tray takes the kept file up
            wait.until(driver -> !driver.findElements(By.cssSelector("#upload-results [data-outcome='stored']"))
                    .isEmpty());
            long stored = millisSince(back);
            wait.until(driver -> "connected".equals(connection())
                    && driver.findElements(By.cssSelector("#connection-banner[data-state='lost']")).stream()
                            .noneMatch(WebElement::isDisplayed));
            System.out.printf(
                    "server answering again → file stored %d ms, page connected without its banner %d ms (%s)%n",
                    stored,
                    millisSince(back),
                    Boolean.TRUE.equals(
                                    ((JavascriptExecutor) browser).executeScript("return window.glimpseBeforeRestart;"))
                            ? "same page"
                            : "page reloaded itself");

            HttpResponse<String> library = glimpse.api().get("/api/images");
            assertThat(library.body()).contains("while-down.png");
        }
    }

    private String connection() {
        Object state = ((JavascriptExecutor) browser)
                .executeScript("return window.Vaadin && window.Vaadin.connectionState"
                        + " && window.Vaadin.connectionState.state;");
        return String.valueOf(state);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
