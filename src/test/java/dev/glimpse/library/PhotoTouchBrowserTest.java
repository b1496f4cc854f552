package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The photo page on a phone, touched as a phone user does (W3C touch actions, which Chromium receives as real touch
 * input): a swipe steps to the next and previous photo, a double tap zooms in and out, two fingers spread apart zoom
 * in, and a swipe on a zoomed photo moves the photo instead of leaving it.
 */
@Tag("browser")
@GlimpseTest
@TestPropertySource(properties = "glimpse.examples.enabled=false")
class PhotoTouchBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageIndex index;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swipeStepsBetweenPhotosDoubleTapAndPinchZoomAndAZoomedPhotoPansInsteadOfStepping() {
        UUID older = readyImage("touch-older.png", 7301);
        UUID newer = readyImage("touch-newer.png", 7302);
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, PATIENCE);
        PageChecks.viewport(browser, PageChecks.PHONE);
        browser.get("http://localhost:" + port + "/photo/" + newer);
        awaitPhoto(newer);

        swipe(-150);
        awaitPhoto(older);
        wait.until(driver -> driver.getCurrentUrl().endsWith("/photo/" + older));
        swipe(150);
        awaitPhoto(newer);
        wait.until(driver -> driver.getCurrentUrl().endsWith("/photo/" + newer));

        doubleTap();
        wait.until(driver -> zoomed());
        doubleTap();
        wait.until(driver -> !zoomed());

        pinchApart(40, 200);
        wait.until(driver -> zoomed());
        String transform = photo().getDomAttribute("style");
        System.out.println("after a pinch from 40 to 200 px: " + transform);
        assertThat(transform).containsPattern("scale\\(([2-5](\\.\\d+)?)\\)");

        swipe(-150);
        wait.until(driver -> !String.valueOf(photo().getDomAttribute("style")).equals(transform));
        assertThat(browser.getCurrentUrl()).endsWith("/photo/" + newer);
        assertThat(photo().getDomAttribute("style")).contains("translate(-");
    }

    private WebElement photo() {
        return browser.findElement(By.id("viewer-image"));
    }

    private boolean zoomed() {
        return photo().getDomAttribute("data-zoomed") != null;
    }

    /** The photo's box in viewport coordinates (where touch actions aim), scrolled into view first. */
    @SuppressWarnings("unchecked")
    private Rectangle photoBox() {
        Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) browser)
                .executeScript(
                        "const p = arguments[0]; p.scrollIntoView({block: 'center'}); const r = p.getBoundingClientRect();"
                                + " return {x: r.x, y: r.y, width: r.width, height: r.height};",
                        photo());
        return new Rectangle(
                box.get("x").intValue(),
                box.get("y").intValue(),
                box.get("height").intValue(),
                box.get("width").intValue());
    }

    /** One finger across the photo's middle, dx pixels (negative: to the left). */
    private void swipe(int dx) {
        Rectangle box = photoBox();
        int y = box.getY() + box.getHeight() / 2;
        int x = box.getX() + box.getWidth() / 2 - dx / 2;
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence swipe = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerMove(Duration.ofMillis(150), PointerInput.Origin.viewport(), x + dx, y))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser).perform(List.of(swipe));
    }

    private void doubleTap() {
        Rectangle box = photoBox();
        int x = box.getX() + box.getWidth() / 2;
        int y = box.getY() + box.getHeight() / 2;
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence taps = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, y))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser).perform(List.of(taps));
    }

    /** Two fingers on the photo's middle, from `from` to `to` pixels apart, moving together. */
    private void pinchApart(int from, int to) {
        Rectangle box = photoBox();
        int x = box.getX() + box.getWidth() / 2;
        int y = box.getY() + box.getHeight() / 2;
        PointerInput left = new PointerInput(PointerInput.Kind.TOUCH, "left");
        PointerInput right = new PointerInput(PointerInput.Kind.TOUCH, "right");
        Sequence leftFinger = new Sequence(left, 0)
                .addAction(left.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x - from / 2, y))
                .addAction(left.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(
                        left.createPointerMove(Duration.ofMillis(200), PointerInput.Origin.viewport(), x - to / 2, y))
                .addAction(left.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        Sequence rightFinger = new Sequence(right, 0)
                .addAction(right.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x + from / 2, y))
                .addAction(right.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(
                        right.createPointerMove(Duration.ofMillis(200), PointerInput.Origin.viewport(), x + to / 2, y))
                .addAction(right.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser).perform(List.of(leftFinger, rightFinger));
    }

    private void awaitPhoto(UUID id) {
        wait.until(driver -> !driver.findElements(By.cssSelector("#viewer[data-image-id='" + id + "']"))
                .isEmpty());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-image")));
    }

    private UUID readyImage(String name, long seed) {
        IngestOutcome outcome = ingest.ingest(name, TestImages.png(240, 180, seed));
        UUID id = ((IngestOutcome.Stored) outcome).image().id();
        await().atMost(PATIENCE)
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY
                        && index.documentsFor(id) == 1);
        return id;
    }
}
