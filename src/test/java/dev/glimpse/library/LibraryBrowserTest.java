package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A library of 10,000 images (rows written straight into the database, all showing one real stored thumbnail) opens
 * as a photo grid, scrolls to the oldest image without loading the others, and filters by status and words.
 */
@Tag("browser")
@GlimpseTest
@TestPropertySource(properties = "glimpse.examples.enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LibraryBrowserTest {

    private static final int GENERATED = 10_000;

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Library library;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void libraryOfTenThousand() {
        if (ingest.count() < GENERATED) {
            IngestOutcome.Stored real = (IngestOutcome.Stored) ingest.ingest("real.png", TestImages.png(320, 240, 77));
            UUID id = real.image().id();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ingest.find(id).orElseThrow().status() == ImageStatus.READY);
            jdbc.update("""
                    INSERT INTO image (id, sha256, original_name, mime_type, width, height, byte_size, storage_key,
                                       thumbnail_key, caption, caption_model, status, created_at, updated_at)
                    SELECT gen_random_uuid(), md5('generated' || n) || md5('more' || n), 'generated-' || n || '.png',
                           'image/png', 320, 240, 1234, i.storage_key, i.thumbnail_key,
                           CASE WHEN n % 1000 = 0 THEN 'a lighthouse number ' || n ELSE 'a generated photo ' || n END,
                           'generated', CASE WHEN n % 500 = 0 THEN 'FAILED' ELSE 'READY' END,
                           now() - (n || ' seconds')::interval, now()
                    FROM generate_series(1, ?) AS n, image i WHERE i.id = ?
                    """, GENERATED - library.count(LibraryFilter.EVERYTHING), id);
        }
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void tenThousandImagesOpenAsAGridAndScrollToTheOldestWithoutLoadingThemAll() {
        for (int round = 0; round < 3; round++) {
            long read = System.nanoTime();
            long total = library.count(LibraryFilter.EVERYTHING);
            int first = library.slice(LibraryFilter.EVERYTHING, 0, 60).size();
            int last = library.slice(LibraryFilter.EVERYTHING, total - 60, 60).size();
            System.out.printf(
                    "Library of %d images: count + first 60 + last 60 read in %.1f ms (%d, %d)%n",
                    total, (System.nanoTime() - read) / 1e6, first, last);
        }
        long started = System.nanoTime();
        browser.get("http://localhost:" + port + "/");
        awaitTiles();
        long openedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Library of %d images: page load to first tiles %d ms%n", GENERATED, openedMs);
        assertThat(browser.findElement(By.id("library-count")).getText()).isEqualTo("10,000 images");
        // the grid starts with a default and takes its column count from the width the browser reports, drawing
        // its tiles anew: read them once that has happened
        wait.until(driver -> columns() >= 5 && columns() <= 8);
        wait.until(driver -> {
            try {
                return tiles().getFirst().getAttribute("data-image-id") != null;
            } catch (StaleElementReferenceException | java.util.NoSuchElementException redrawn) {
                return false;
            }
        });
        int columns = columns();
        System.out.println("Columns at 1280 px: " + columns);
        assertThat(columns).isBetween(5, 8);
        PageChecks.screenshot(browser, "library-1280");

        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollToIndex(100000)", browser.findElement(By.id("library-grid")));
        wait.until(driver -> tiles().stream().anyMatch(tile -> tile.getText().contains("a generated photo 9999")));
        System.out.println("Tiles in the page after scrolling to the end: " + tiles().size());
        assertThat(tiles().size()).isLessThan(600);

        WebElement filter = browser.findElement(By.cssSelector("#library-filter input"));
        filter.sendKeys("lighthouse", Keys.ENTER);
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("9 images match"));
        wait.until(driver -> shownTiles().size() == 9);

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        browser.findElements(By.cssSelector("#library-show vaadin-radio-button")).stream()
                .filter(button -> button.getText().equals("Failed"))
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(
                driver -> driver.findElement(By.id("library-count")).getText().equals("19 images match"));
        wait.until(driver -> !shownTiles().isEmpty()
                && shownTiles().stream().allMatch(tile -> "FAILED".equals(tile.getAttribute("data-status"))));
    }

    @Test
    void onAPhoneTheGridHasTwoOrThreeColumnsAndNothingScrollsSideways() {
        browser.get("http://localhost:" + port + "/");
        PageChecks.viewport(browser, PageChecks.PHONE);
        awaitTiles();
        wait.until(driver -> {
            int columns =
                    Integer.parseInt(driver.findElement(By.id("library-grid")).getAttribute("data-columns"));
            return columns >= 2 && columns <= 3;
        });
        assertThat(PageChecks.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
        PageChecks.screenshot(browser, "library-390");
    }

    private void awaitTiles() {
        try {
            wait.until(driver -> !tiles().isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            PageChecks.screenshot(browser, "library-no-tiles");
            System.out.println("No tiles; the library looks like this: "
                    + browser.findElement(By.id("library")).getAttribute("outerHTML"));
            throw e;
        }
    }

    /** The tiles in rows the virtual list shows (it keeps rows it may reuse hidden). */
    private List<WebElement> shownTiles() {
        return tiles().stream().filter(WebElement::isDisplayed).toList();
    }

    private List<WebElement> tiles() {
        return browser.findElements(By.cssSelector("#library-grid .photo-tile"));
    }

    private int columns() {
        return Integer.parseInt(browser.findElement(By.id("library-grid")).getAttribute("data-columns"));
    }
}
