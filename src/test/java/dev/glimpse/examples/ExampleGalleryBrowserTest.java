package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import java.time.Duration;
import java.util.function.Function;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person opens the main page and does nothing: skeleton tiles appear, then captioned examples from the (local)
 * random-image service; "Keep" puts one into the library; moving the mouse sends no idle report until the page is
 * idle again, and then exactly one; a tab shown again after a while in the background starts a full idle period.
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
    void anIdlePageShowsCaptionedExamplesOncePerIdlePeriodAndKeepsOne() {
        int libraryTop = wait.until(driver -> driver.findElement(By.id("library")))
                .getLocation()
                .getY();
        wait.until(driver -> !tiles("[data-state='loading']").isEmpty());
        assertThat(tiles("")).hasSize(4);

        wait.until(driver -> tiles("[data-state='ready']").size() == 4);
        assertThat(browser.findElement(By.id("library")).getLocation().getY())
                .as("the examples appear below the library, never pushing it down")
                .isEqualTo(libraryTop);
        for (WebElement tile : tiles("[data-state='ready']")) {
            assertThat(tile.findElement(By.cssSelector(".example-caption")).getText())
                    .isNotBlank();
            assertThat(tile.findElement(By.cssSelector("img")).getAttribute("data-origin"))
                    .startsWith(IMAGES.url("/image/"));
        }
        assertThat(examples.modelCalls()).isEqualTo(IMAGES.served());

        WebElement keep = tiles("[data-state='ready']").getFirst().findElement(By.cssSelector(".example-keep"));
        // the gallery is below the library: brought into the middle of the window before the click
        js("arguments[0].scrollIntoView({block: 'center'})", keep);
        keep.click();
        // The click was activity: once the page is idle again, a new round replaces the tiles. However slowly the
        // server keeps the image, the pointer keeps moving until its outcome and library row have been seen.
        WebElement kept = whileActive(driver -> driver.findElement(By.cssSelector("#example-tiles .example-kept")));
        assertThat(kept.getAttribute("data-outcome")).isEqualTo("stored");
        whileActive(
                driver -> libraryText().contains("example-") && libraryText().contains(".png"));

        keepMoving("a moment of activity before counting")
                .during(Duration.ofMillis(900))
                .until(() -> true);
        long reports = examples.idleReports();
        keepMoving("no idle report while the mouse moves").during(IDLE).until(() -> examples.idleReports() == reports);

        wait.until(driver -> examples.idleReports() == reports + 1);
        await("one report per idle period")
                .during(IDLE.multipliedBy(2))
                .atMost(IDLE.multipliedBy(3))
                .until(() -> examples.idleReports() == reports + 1);
    }

    @Test
    void aTabShownAgainAfterBeingHiddenWaitsAFullIdlePeriodBeforeReportingIdle() {
        String page = browser.getWindowHandle();
        WebElement tracker = wait.until(driver -> driver.findElement(By.tagName("glimpse-idle-tracker")));
        js(
                "window.idleAt = []; window.hiddenAt = []; window.shownAt = [];"
                        + "arguments[0].addEventListener('glimpse-idle', () => idleAt.push(performance.now()));"
                        + "document.addEventListener('visibilitychange',"
                        + " () => (document.hidden ? hiddenAt : shownAt).push(performance.now()));",
                tracker);
        nudgeMouse(); // a fresh idle period, which the page spends in a background tab
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get("http://localhost:" + port + "/");
        // the second tab has been idle for a full period, so the first one has been hidden at least that long
        WebElement otherTracker = wait.until(driver -> driver.findElement(By.tagName("glimpse-idle-tracker")));
        js("window.idleAt = []; arguments[0].addEventListener('glimpse-idle', () => idleAt.push(1));", otherTracker);
        wait.until(driver -> ((Number) js("return idleAt.length;")).intValue() > 0);
        browser.close();
        browser.switchTo().window(page);

        wait.until(driver -> ((Number) js("return shownAt.length;")).intValue() > 0
                && (Boolean) js("return idleAt.some((at) => at > shownAt[0]);"));
        double hidden = ((Number) js("return hiddenAt[0];")).doubleValue();
        double shown = ((Number) js("return shownAt[0];")).doubleValue();
        double idle = ((Number) js("return idleAt.find((at) => at > shownAt[0]);")).doubleValue();
        System.out.printf(
                "Hidden for %.0f ms; idle reported %.0f ms after the tab was shown again (idle period %d ms)%n",
                shown - hidden, idle - shown, IDLE.toMillis());
        assertThat(shown - hidden).as("time in the background (ms)").isGreaterThanOrEqualTo(IDLE.toMillis());
        assertThat((Boolean) js("return idleAt.some((at) => at >= hiddenAt[0] && at <= shownAt[0]);"))
                .as("an idle report while hidden")
                .isFalse();
        assertThat(idle - shown)
                .as("ms from being shown to the idle report")
                .isGreaterThanOrEqualTo(IDLE.toMillis() - 50.0);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
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
                                + "arguments[0].dispatchEvent(new CustomEvent('glimpse-busy', {detail: true}));",
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

    /** Moves the pointer every 300 ms, well within the idle time, at every look at the condition. */
    private ConditionFactory keepMoving(String what) {
        return await(what)
                .atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(300))
                .conditionEvaluationListener(condition -> nudgeMouse());
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
