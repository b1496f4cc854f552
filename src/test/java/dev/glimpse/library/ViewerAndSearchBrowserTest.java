package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.Accessibility;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The viewer and the search page in a real browser: a caption edited in the viewer is found first by a word only it
 * has; delete then undo brings the image back; "More like this" lists the nearest captions first; the query lives in
 * the URL (reload, Back); the recorder starts and stops with Space and keeps the focus; no page scrolls sideways at
 * 390 px; axe-core finds no serious or critical violations. Screenshots of each page at 1280 and 390 px.
 */
@Tag("browser")
@GlimpseTest
class ViewerAndSearchBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageCommands edits;

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
    void aCaptionEditedInTheViewerIsFoundFirstByAWordOnlyItHas() {
        UUID id = readyImage("edit-me.png", 5101);
        open("/");
        openViewerByKeyboard(id);
        WebElement viewer = browser.findElement(By.id("viewer"));
        assertThat(viewer.getText()).contains("edit-me.png").contains("bytes").contains("pixels");
        assertThat(viewer.getText()).doesNotContain(Fixtures.root().toString());
        PageChecks.screenshot(browser, "viewer-1280");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();

        // → and ← step through the library, newest first, as it was when the viewer opened
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        wait.until(driver -> !id.toString().equals(viewer.getAttribute("data-image-id")));
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(driver -> id.toString().equals(viewer.getAttribute("data-image-id")));

        browser.findElement(By.id("viewer-edit")).click();
        WebElement editor = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#viewer-caption-editor textarea")));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "a purple zeppelin above the quiet harbour");
        browser.findElement(By.id("viewer-save")).click();
        wait.until(driver -> driver.findElement(By.id("viewer-caption"))
                .getText()
                .equals("a purple zeppelin above the quiet harbour"));
        await().atMost(PATIENCE).until(() -> index.caption(id).orElse("").contains("zeppelin"));
        assertThat(ingest.find(id).orElseThrow().captionByPerson()).isTrue();

        browser.get("http://localhost:" + port + "/search");
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-field input")));
        field.sendKeys("zeppelin", Keys.ENTER);
        WebElement best = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .search-hit.best-match")));
        assertThat(best.getAttribute("data-image-id")).isEqualTo(id.toString());
        assertThat(best.getText()).contains("edit-me.png");
    }

    @Test
    void aDeletedImageComesBackWithUndo() {
        UUID id = readyImage("undo-me.png", 5201);
        open("/");
        openViewerByKeyboard(id);

        browser.findElement(By.id("viewer-delete")).click();
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-delete")));
        confirm.findElement(By.cssSelector("[slot='confirm-button']")).click();
        WebElement undo = wait.until(ExpectedConditions.elementToBeClickable(By.id("undo-delete-button")));
        assertThat(ingest.find(id)).isEmpty();
        await().atMost(PATIENCE).until(() -> index.documentsFor(id) == 0);
        wait.until(driver -> driver.findElements(tile(id)).isEmpty());

        undo.click();

        await().atMost(PATIENCE).until(() -> ingest.find(id).isPresent() && index.documentsFor(id) == 1);
        wait.until(driver -> !driver.findElements(tile(id)).isEmpty());
        assertThat(ingest.find(id).orElseThrow().status()).isEqualTo(ImageStatus.READY);
    }

    @Test
    void severalSelectedImagesAreDeletedTogetherAndComeBackWithUndo() {
        UUID first = readyImage("pick-a.png", 5251);
        UUID second = readyImage("pick-b.png", 5252);
        open("/");
        for (UUID id : List.of(first, second)) {
            // the grid may draw its tiles again meanwhile (a width change, another image captioned): look again then
            By box = By.cssSelector("#library-grid .photo-tile[data-image-id='" + id + "'] .photo-tile-select");
            try {
                new WebDriverWait(browser, PATIENCE)
                        .ignoring(StaleElementReferenceException.class)
                        .until(driver -> {
                            driver.findElement(box).click();
                            return true;
                        });
            } catch (org.openqa.selenium.TimeoutException e) {
                PageChecks.screenshot(browser, "select-tile-not-found");
                System.out.println("Tiles on the page: "
                        + ((JavascriptExecutor) browser)
                                .executeScript("return [...document.querySelectorAll('#library-grid .photo-tile')]"
                                        + ".map(t => t.getAttribute('data-image-id') + ':' + !!t.querySelector('.photo-tile-select'))"
                                        + ".join(' ')"));
                throw e;
            }
        }
        wait.until(
                driver -> driver.findElement(By.id("selection-count")).getText().equals("2 selected"));
        assertThat(browser.findElement(By.id("selection-download")).getAttribute("href"))
                .isNotBlank();

        browser.findElement(By.id("selection-delete")).click();
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-delete")));
        confirm.findElement(By.cssSelector("[slot='confirm-button']")).click();
        WebElement undo = wait.until(ExpectedConditions.elementToBeClickable(By.id("undo-delete-button")));
        assertThat(ingest.find(first)).isEmpty();
        assertThat(ingest.find(second)).isEmpty();

        undo.click();

        await().atMost(PATIENCE)
                .until(() ->
                        ingest.find(first).isPresent() && ingest.find(second).isPresent());
        wait.until(driver -> !driver.findElements(tile(first)).isEmpty()
                && !driver.findElements(tile(second)).isEmpty());
    }

    @Test
    void moreLikeThisListsTheNearestCaptionsFirst() {
        UUID car = captioned("car-1.png", 5301, "a red sports car parked on a city street");
        UUID twin = captioned("car-2.png", 5302, "a red car parked by the side of a street");
        UUID soup = captioned("soup.png", 5303, "a bowl of hot tomato soup on a wooden table");
        open("/");
        openViewerByKeyboard(car);

        browser.findElement(By.id("viewer-more")).click();
        wait.until(driver -> !driver.findElements(By.cssSelector("#viewer-similar .photo-tile"))
                .isEmpty());
        List<String> order = browser.findElements(By.cssSelector("#viewer-similar .photo-tile")).stream()
                .map(tile -> tile.getAttribute("data-image-id"))
                .toList();
        System.out.println("More like " + car + ": " + order);
        assertThat(order.getFirst()).isEqualTo(twin.toString());
        if (order.contains(soup.toString())) {
            assertThat(order.indexOf(soup.toString())).isGreaterThan(order.indexOf(twin.toString()));
        }
        assertThat(order).doesNotContain(car.toString());
    }

    @Test
    void theQueryInTheUrlSurvivesReloadAndBack() {
        captioned("red-car.png", 5401, "a red car in the rain");
        captioned("blue-boat.png", 5402, "a blue boat on a lake");
        open("/search?q=red+car");
        wait.until(driver -> "red car".equals(results().getAttribute("data-query")));
        PageChecks.screenshot(browser, "search-1280");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();

        browser.navigate().refresh();
        wait.until(driver -> "red car".equals(results().getAttribute("data-query")));

        WebElement field = browser.findElement(By.cssSelector("#search-field input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "blue boat", Keys.ENTER);
        wait.until(driver -> "blue boat".equals(results().getAttribute("data-query")));
        assertThat(java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("/search?q=blue boat");

        browser.navigate().back();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/search?q=red+car"));
        wait.until(driver -> "red car".equals(results().getAttribute("data-query")));
        assertThat(browser.findElement(By.cssSelector("#search-field input")).getDomProperty("value"))
                .isEqualTo("red car");
    }

    @Test
    void spaceStartsAndStopsTheRecorderAndTheFocusStaysOnIt() {
        String sentence = Fixtures.media("speech-red-car-22khz.wav").toString();
        browser = Browser.chromium(
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + sentence);
        wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/search");
        WebElement recorder = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorder")));
        WebElement button = wait.until(driver -> recorder.getShadowRoot().findElement(By.id("record")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", button);

        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(driver -> "true".equals(button.getAttribute("aria-pressed")));
        assertThat(recordButtonHasFocus()).isTrue();

        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(driver -> "false".equals(button.getAttribute("aria-pressed")));
        assertThat(recordButtonHasFocus()).isTrue();
        wait.until(driver -> "sent".equals(recorder.getAttribute("state")));
        assertThat(recordButtonHasFocus()).isTrue();
    }

    @Test
    void noPageScrollsSidewaysOnAPhoneAndAxeFindsNothingSerious() {
        UUID id = captioned("phone.png", 5501, "a small phone on a desk next to a cup of coffee");
        open("/");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        PageChecks.screenshot(browser, "upload-1280");
        PageChecks.viewport(browser, PageChecks.PHONE);
        for (String page : List.of("/", "/search", "/search?q=coffee+cup")) {
            browser.get("http://localhost:" + port + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".app-header")));
            if (page.contains("q=")) {
                wait.until(driver -> results().getAttribute("data-query") != null);
            }
            System.out.println(page + " at 390 px: overflow " + PageChecks.horizontalOverflow(browser) + " px");
            assertThat(PageChecks.horizontalOverflow(browser)).as(page).isLessThanOrEqualTo(0);
            PageChecks.screenshot(
                    browser, (page.equals("/") ? "upload" : page.contains("q=") ? "search" : "search-empty") + "-390");
        }
        browser.get("http://localhost:" + port + "/");
        openViewerByKeyboard(id);
        assertThat(PageChecks.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
        PageChecks.screenshot(browser, "viewer-390");
    }

    private boolean recordButtonHasFocus() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("const r = document.getElementById('recorder');"
                        + " return document.activeElement === r && r.shadowRoot.activeElement"
                        + " && r.shadowRoot.activeElement.id === 'record';"));
    }

    /**
     * Focuses the image's tile in the library and presses Enter, as a keyboard user would. The grid may still be
     * laying itself out for the window's width (its tiles are then drawn again), so a press that went to a tile
     * replaced meanwhile, or a tile replaced between finding and focusing it, is repeated.
     */
    private void openViewerByKeyboard(UUID id) {
        By tileButton = By.cssSelector("#library-grid .photo-tile[data-image-id='" + id + "'] .photo-tile-open");
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement open = wait.until(ExpectedConditions.visibilityOfElementLocated(tileButton));
                ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", open);
                new Actions(browser).sendKeys(Keys.ENTER).perform();
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(driver -> id.toString()
                                .equals(driver.findElement(By.id("viewer")).getAttribute("data-image-id")));
                break;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    PageChecks.screenshot(browser, "viewer-did-not-open");
                    throw e;
                }
                System.out.println("Enter on the tile opened no viewer (attempt " + attempt + ", "
                        + e.getClass().getSimpleName() + "); again");
            }
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-image")));
    }

    private By tile(UUID id) {
        return By.cssSelector("#library-grid .photo-tile[data-image-id='" + id + "']");
    }

    private WebElement results() {
        return browser.findElement(By.id("search-results"));
    }

    private void open(String path) {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".app-header")));
    }

    private UUID readyImage(String name, long seed) {
        IngestOutcome outcome = ingest.ingest(name, TestImages.png(240, 180, seed));
        UUID id = ((IngestOutcome.Stored) outcome).image().id();
        await().atMost(PATIENCE)
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY
                        && index.documentsFor(id) == 1);
        return id;
    }

    /** An image with a caption a person wrote (embedded by the real MiniLM), indexed. */
    private UUID captioned(String name, long seed, String caption) {
        UUID id = readyImage(name, seed);
        edits.editCaption(id, caption).join();
        await().atMost(PATIENCE).until(() -> index.caption(id).orElse("").equals(caption));
        return id;
    }
}
