package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.TestImages;
import dev.glimpse.tools.bench.RandomCheckpoint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Typed search in a real browser finds the one image it describes. The fixture blip-tiny gives every image the same
 * caption (its vision weights are ~1e-10), so this test captions with a blip-tiny-shaped checkpoint whose weights are
 * drawn at the usual scale (seeded, so the captions are the same on every run): pictures get captions that differ,
 * often only in their last words, and typing a caption that only one image has must put exactly that image first.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // its own caption model: no other test shares this context, so it is closed when done
class DistinctCaptionsSearchBrowserTest {

    /** Pictures as far apart as they get, so that even a tiny random model tells them apart. */
    private static final Color[] COLOURS = {Color.BLACK, Color.WHITE, Color.RED, Color.BLUE};

    @TempDir
    static Path models;

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    private WebDriver browser;

    @DynamicPropertySource
    static void captionWithImageSensitiveWeights(DynamicPropertyRegistry registry) {
        Path tiny = Fixtures.model("blip-tiny");
        Path model = RandomCheckpoint.write(
                tiny.resolve("config.json"),
                tiny,
                RandomCheckpoint.COMPANION_FILES,
                models.resolve("blip-tiny-random"));
        registry.add("glimpse.caption.model", model::toString);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typingACaptionThatOnlyOneImageHasPutsExactlyThatImageFirst() {
        List<ImageSummary> ready = IntStream.range(0, COLOURS.length)
                .mapToObj(i -> store("distinct-" + i + ".png", TestImages.encode(filled(COLOURS[i]), "png")))
                .map(this::awaitReady)
                .toList();
        Map<String, Long> imagesPerCaption =
                ready.stream().collect(Collectors.groupingBy(ImageSummary::caption, Collectors.counting()));
        List<ImageSummary> ownCaption = ready.stream()
                .filter(image -> imagesPerCaption.get(image.caption()) == 1)
                .toList();
        assertThat(ownCaption).as("pictures with a caption of their own").hasSizeGreaterThanOrEqualTo(2);

        browser = Browser.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://localhost:" + port + "/search");
        for (ImageSummary wanted : ownCaption) {
            WebElement field =
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-field input")));
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            field.sendKeys(wanted.caption(), Keys.ENTER);

            wait.withMessage("the best match for \"" + wanted.caption() + "\" should be " + wanted.fileName());
            // each query names another image, so no fixed order can pass: the best match must follow the query
            WebElement best = wait.until(driver -> {
                WebElement hit = driver.findElement(By.cssSelector("#search-results .search-hit.best-match"));
                return wanted.id().toString().equals(hit.getAttribute("data-image-id")) ? hit : null;
            });
            assertThat(best.findElement(By.className("hit-caption")).getText()).isEqualTo(wanted.caption());
            assertThat(browser.findElements(By.cssSelector("#search-results .search-hit"))
                            .getFirst())
                    .isEqualTo(best);
        }
    }

    private static BufferedImage filled(Color colour) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return image;
    }

    private UUID store(String name, byte[] png) {
        IngestOutcome outcome = ingest.ingest(name, png);
        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        return ((IngestOutcome.Stored) outcome).image().id();
    }

    private ImageSummary awaitReady(UUID id) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY);
        return ingest.find(id).orElseThrow();
    }
}
