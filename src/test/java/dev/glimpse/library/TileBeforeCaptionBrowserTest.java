package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With no captioning at all (pipeline off), a stored image's tile shows its thumbnail at once, with the file name as a
 * marked placeholder for the caption and the note that it waits.
 */
@Tag("browser")
@GlimpseTest
@TestPropertySource(properties = {"glimpse.pipeline.enabled=false", "glimpse.examples.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TileBeforeCaptionBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStoredImageShowsItsThumbnailBeforeItsCaption() {
        UUID id = ((IngestOutcome.Stored) ingest.ingest("waiting.png", TestImages.png(300, 200, 9101)))
                .image()
                .id();
        assertThat(ingest.find(id).orElseThrow().status()).isEqualTo(ImageStatus.RECEIVED);
        browser = Browser.chromium();
        browser.get("http://localhost:" + port + "/");
        String tile = "#library-grid .photo-tile[data-image-id='" + id + "']";
        long[] width = {0};
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            Object natural = ((JavascriptExecutor) driver)
                    .executeScript(
                            "const i = document.querySelector(arguments[0] + ' .photo-tile-image');"
                                    + " return i && i.complete ? i.naturalWidth : 0;",
                            tile);
            width[0] = ((Number) natural).longValue();
            return width[0] > 0;
        });
        System.out.println("Thumbnail of a waiting image: " + width[0] + " px wide");
        Object caption = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = document.querySelector(arguments[0] + ' .photo-tile-caption');"
                                + " return [c.textContent, c.hasAttribute('data-pending'),"
                                + " document.querySelector(arguments[0] + ' .photo-tile-note').textContent];",
                        tile);
        System.out.println("Caption line and note: " + caption);
        assertThat(caption.toString()).isEqualTo("[waiting.png, true, Waiting to be captioned]");
        assertThat(ingest.find(id).orElseThrow().status()).isEqualTo(ImageStatus.RECEIVED);
    }
}
