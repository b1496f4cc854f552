package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.Accessibility;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The page per photo in a real browser: opened directly by its address, kept by a reload, closed by Back onto the
 * tile it was opened from; ← → work after clicking Next (focus on a page button); an EXIF-6 portrait is listed with
 * its upright dimensions; the library grid is one Tab stop with arrow keys between tiles; Undo puts the focus on the
 * restored tile; a filter says how many images match, in good grammar, and says so when none does, and it is kept in
 * the address (Back from a photo and a reload bring it back). axe-core finds
 * nothing serious on the photo page; screenshots at 1280 and 390 px.
 */
@Tag("browser")
@GlimpseTest
@TestPropertySource(properties = "glimpse.examples.enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PhotoPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageIndex index;

    @Autowired
    Library library;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPhotoPageOpensByItsAddressSurvivesReloadAndItsArrowKeysWorkAfterClickingNext() {
        UUID older = readyImage("photo-older.png", 7101);
        UUID newer = readyImage("photo-newer.png", 7102);
        open("/photo/" + newer);
        awaitPhoto(newer);
        assertThat(browser.getTitle()).startsWith("photo-newer.png");
        PageChecks.screenshot(browser, "photo-1280");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();

        browser.navigate().refresh();
        awaitPhoto(newer);

        // opened directly, the page steps through the library, newest first; the address follows in place
        browser.findElement(By.id("viewer-next")).click();
        awaitPhoto(older);
        wait.until(driver -> driver.getCurrentUrl().endsWith("/photo/" + older));
        String focused = (String) ((JavascriptExecutor) browser).executeScript("return document.activeElement.id");
        System.out.println("Focus after clicking Next: #" + focused);
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        awaitPhoto(newer);
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        awaitPhoto(older);

        PageChecks.viewport(browser, PageChecks.PHONE);
        browser.navigate().refresh();
        awaitPhoto(older);
        System.out.println("/photo at 390 px: overflow " + PageChecks.horizontalOverflow(browser) + " px");
        assertThat(PageChecks.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
        PageChecks.screenshot(browser, "photo-390");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
    }

    @Test
    void backAndEscCloseThePageOntoTheTileItWasOpenedFrom() {
        UUID id = readyImage("photo-back.png", 7201);
        open("/");
        openFromTile(id);
        wait.until(driver -> driver.getCurrentUrl().endsWith("/photo/" + id));

        browser.navigate().back();
        wait.until(driver -> !driver.getCurrentUrl().contains("/photo/"));
        wait.until(driver -> id.toString().equals(focusedTile()));

        openFromTile(id);
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(driver -> !driver.getCurrentUrl().contains("/photo/"));
        wait.until(driver -> id.toString().equals(focusedTile()));
    }

    @Test
    void aPortraitStoredSidewaysIsListedWithItsUprightDimensions() throws IOException {
        byte[] sideways = withOrientation(TestImages.jpeg(1600, 1200, 7301), 6);
        UUID id = ((IngestOutcome.Stored) ingest.ingest("portrait.jpg", sideways))
                .image()
                .id();
        open("/photo/" + id);
        awaitPhoto(id);
        String facts = browser.findElement(By.id("viewer-facts")).getText();
        System.out.println("Facts of the EXIF-6 photo: " + facts.replace('\n', ' '));
        assertThat(facts).contains("1200 × 1600 pixels").doesNotContain("1600 × 1200");
    }

    @Test
    void theGridIsOneTabStopArrowKeysMoveBetweenTilesAndUndoFocusesTheRestoredTile() {
        UUID first = readyImage("keys-a.png", 7401);
        UUID second = readyImage("keys-b.png", 7402);
        open("/");
        wait.until(driver -> driver.findElements(By.cssSelector("#library-grid .photo-tile-open"))
                        .size()
                >= 2);
        // counted in the page in one go: the grid may draw its tiles anew meanwhile (and settles its Tab stop then)
        long[] tabStops = {-1};
        wait.until(driver -> {
            tabStops[0] = (Long)
                    ((JavascriptExecutor) driver)
                            .executeScript(
                                    "return [...document.querySelectorAll('#library-grid .photo-tile-open,"
                                            + " #library-grid input, #library-grid vaadin-checkbox')].filter(e => e.tabIndex >= 0).length");
            return tabStops[0] == 1;
        });
        System.out.println("Tab stops in the grid: " + tabStops[0]);

        focusTileButton(second); // the newest first: second, then first
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        wait.until(driver -> first.toString().equals(focusedTile()));
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(driver -> second.toString().equals(focusedTile()));
        // a key pressed while the grid draws its tiles anew (the focused button gone, the focus on the page for a
        // moment) still moves from the tile that had the focus
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        wait.until(driver -> first.toString().equals(focusedTile()));
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(driver -> second.toString().equals(focusedTile()));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(focusedTile()).as("Tab leaves the grid").isNull();

        // delete the first from its page: back on the library the focus is on the tile after it (before it when it was
        // the last); Undo focuses it again
        ImageSummary deleted = ingest.find(first).orElseThrow();
        UUID after = library.neighbour(LibraryFilter.EVERYTHING, deleted, 1)
                .or(() -> library.neighbour(LibraryFilter.EVERYTHING, deleted, -1))
                .orElseThrow()
                .id();
        openFromTile(first);
        browser.findElement(By.id("viewer-delete")).click();
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-delete")));
        confirm.findElement(By.cssSelector("[slot='confirm-button']")).click();
        WebElement undo = wait.until(ExpectedConditions.elementToBeClickable(By.id("undo-delete-button")));
        wait.until(driver -> !driver.getCurrentUrl().contains("/photo/"));
        wait.until(driver -> after.toString().equals(focusedTile()));
        undo.click();
        await().atMost(PATIENCE).until(() -> ingest.find(first).isPresent());
        wait.until(driver -> first.toString().equals(focusedTile()));
    }

    @Test
    void aFilterCountsInGoodGrammarAndSaysSoWhenNothingMatches() {
        readyImage("grammar-unique-zebra.png", 7501);
        open("/");
        WebElement filter =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#library-filter input")));
        filter.sendKeys("grammar-unique-zebra");
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("1 image matches"));
        filter.sendKeys("-nothing-like-it");
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("0 images match"));
        WebElement empty = browser.findElement(By.id("library-empty"));
        assertThat(empty.isDisplayed()).isTrue();
        assertThat(empty.getText()).isEqualTo("No image matches this filter.");
    }

    @Test
    void theLibraryFilterIsInTheAddressAndComesBackAfterAPhotoPageAndAReload() {
        UUID kept = readyImage("kept-filter-okapi.png", 7601);
        readyImage("other-photo-lynx.png", 7602);
        open("/");
        WebElement filter =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#library-filter input")));
        filter.sendKeys("kept-filter-okapi");
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("1 image matches"));
        wait.until(driver -> driver.getCurrentUrl().endsWith("/?filter=kept-filter-okapi"));

        openFromTile(kept);
        browser.navigate().back();
        wait.until(driver -> !driver.getCurrentUrl().contains("/photo/"));
        awaitFilter("kept-filter-okapi");

        browser.navigate().refresh();
        awaitFilter("kept-filter-okapi");

        // emptied, the address names no filter again
        WebElement emptied =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#library-filter input")));
        emptied.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(driver -> !driver.getCurrentUrl().contains("filter="));
    }

    private void awaitFilter(String words) {
        wait.until(driver -> words.equals(
                driver.findElement(By.cssSelector("#library-filter input")).getDomProperty("value")));
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("1 image matches"));
    }

    private String focusedTile() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript("const a = document.activeElement;"
                        + " const t = a && a.classList.contains('photo-tile-open') ? a.closest('.photo-tile') : null;"
                        + " return t ? t.getAttribute('data-image-id') : null;");
    }

    private void focusTileButton(UUID id) {
        String button = "#library-grid .photo-tile[data-image-id='" + id + "'] .photo-tile-open";
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript(
                        "const b = document.querySelector(arguments[0]); if (!b) return false;"
                                + " b.focus(); return document.activeElement === b;",
                        button)));
    }

    /** Enter on the tile, as a keyboard user; again if the grid drew its tiles anew meanwhile. */
    private void openFromTile(UUID id) {
        for (int attempt = 1; ; attempt++) {
            try {
                focusTileButton(id);
                new Actions(browser).sendKeys(Keys.ENTER).perform();
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(driver -> id.toString()
                                .equals(driver.findElement(By.id("viewer")).getAttribute("data-image-id")));
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.println("Enter on the tile opened no photo page (attempt " + attempt + "); again");
            }
        }
    }

    private void awaitPhoto(UUID id) {
        wait.until(driver -> !driver.findElements(By.cssSelector("#viewer[data-image-id='" + id + "']"))
                .isEmpty());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-image")));
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

    private static byte[] withOrientation(byte[] jpeg, int orientation) throws IOException {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
            return out.toByteArray();
        } catch (org.apache.commons.imaging.ImagingException e) {
            throw new IOException(e);
        }
    }
}
