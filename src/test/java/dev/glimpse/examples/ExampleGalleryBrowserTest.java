package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person opens the main page and does nothing: skeleton tiles appear, then captioned examples from the (local)
 * random-image service; "Keep" puts one into the library; moving the mouse sends no idle report until the page is
 * idle again, and then exactly one.
 */
@Tag("browser")
@GlimpseTest
class ExampleGalleryBrowserTest {

    // long next to the 300 ms between pointer moves, so that a slow browser never turns a pause between two moves
    // into an idle period
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final ImageServer IMAGES = startImages();

    @DynamicPropertySource
    static void examples(DynamicPropertyRegistry registry) {
        registry.add("glimpse.examples.remote.url", () -> IMAGES.url("/random"));
        registry.add("glimpse.examples.idle-after", () -> IDLE.toMillis() + "ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    ExampleService examples;

    private WebDriver browser;
    private WebDriverWait wait;
    private int moves;

    @BeforeEach
    void openPage() {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
        browser.get("http://localhost:" + port + "/");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @AfterAll
    static void stopImages() {
        IMAGES.close();
    }

    @Test
    void anIdlePageShowsCaptionedExamplesOncePerIdlePeriodAndKeepsOne() throws Exception {
        wait.until(driver -> !tiles("[data-state='loading']").isEmpty());
        assertThat(tiles("")).hasSize(4);

        wait.until(driver -> tiles("[data-state='ready']").size() == 4);
        for (WebElement tile : tiles("[data-state='ready']")) {
            assertThat(tile.findElement(By.cssSelector(".example-caption")).getText())
                    .isNotBlank();
            assertThat(tile.findElement(By.cssSelector("img")).getAttribute("data-origin"))
                    .startsWith(IMAGES.url("/image/"));
        }
        assertThat(examples.modelCalls()).isEqualTo(IMAGES.served());

        tiles("[data-state='ready']")
                .getFirst()
                .findElement(By.cssSelector(".example-keep"))
                .click();
        // The click was activity: once the page is idle again, a new round replaces the tiles. However slowly the
        // server keeps the image, the pointer keeps moving until its outcome and library row have been seen.
        WebElement kept = whileActive(driver -> driver.findElement(By.cssSelector("#example-tiles .example-kept")));
        assertThat(kept.getAttribute("data-outcome")).isEqualTo("stored");
        whileActive(
                driver -> libraryText().contains("example-") && libraryText().contains(".png"));

        moveMouse(3);
        long reports = examples.idleReports();
        moveMouse(10);
        assertThat(examples.idleReports())
                .as("idle reports while the mouse moves")
                .isEqualTo(reports);

        wait.until(driver -> examples.idleReports() == reports + 1);
        Thread.sleep(IDLE.multipliedBy(2).toMillis());
        assertThat(examples.idleReports()).as("one report per idle period").isEqualTo(reports + 1);
    }

    @Test
    void anIdlePeriodWhileAFileIsUploadingStartsNoNewExamples() {
        // the first idle period's round, finished: from now on only "uploading" can keep a new round from starting
        wait.until(driver -> tiles("[data-state='ready']").size() == 4);
        WebElement upload = browser.findElement(By.id("upload"));
        long reports = examples.idleReports();
        nudgeMouse(); // a full idle period from here: time enough to mark the tiles and start the upload
        // the tiles on the page are marked: a new round would replace every one of them
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelectorAll('#example-tiles .example-tile')"
                                + ".forEach(tile => tile.setAttribute('data-before-upload', ''));"
                                + "arguments[0].dispatchEvent(new CustomEvent('upload-start', {bubbles: true}));",
                        upload);

        wait.until(driver -> examples.idleReports() > reports);

        // the page has had the server's answer to that report applied well within two seconds
        await("no example tiles of a round started during the upload")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> browser.findElements(
                                By.cssSelector("#example-tiles .example-tile:not([data-before-upload])"))
                        .isEmpty());
    }

    /** Moves the pointer every 300 ms, well within the idle time. */
    private void moveMouse(int times) throws InterruptedException {
        for (int i = 0; i < times; i++) {
            nudgeMouse();
            Thread.sleep(300);
        }
    }

    /** Waits for the condition, moving the pointer at every look, so that the page does not become idle meanwhile. */
    private <T> T whileActive(Function<WebDriver, T> condition) {
        return wait.until(driver -> {
            nudgeMouse();
            return condition.apply(driver);
        });
    }

    private void nudgeMouse() {
        WebElement page = browser.findElement(By.tagName("body"));
        new Actions(browser)
                .moveToElement(page, (++moves % 2 == 0 ? 10 : -10), 5)
                .perform();
    }

    private java.util.List<WebElement> tiles(String state) {
        return browser.findElements(By.cssSelector("#example-tiles .example-tile" + state));
    }

    private String libraryText() {
        // each library tile names its file in the title of the button that opens it
        return browser.findElements(By.cssSelector("#library-grid .photo-tile-open")).stream()
                .map(open -> open.getAttribute("title"))
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static ImageServer startImages() {
        try {
            return new ImageServer().delayImages(300);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
