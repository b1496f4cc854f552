package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.ImageSummary;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A person picks images on the page in a real browser: each file is followed in one row from Sending… to Done
 * (Captioning… included: the captioner waits 1.5 s for a batch to fill here, so that the step can be seen), each pick
 * keeps its own rows and summary whatever later picks do, the file limit counts per pick, and refusals show ✗ with the
 * reason and the limit.
 */
@Tag("browser")
@GlimpseTest
@TestPropertySource(properties = "glimpse.caption.executor.max-delay=1500ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Autowired
    IngestService ingest;

    private WebDriver browser;
    private WebDriverWait wait;
    private UploadTrayPage tray;

    @BeforeEach
    void openPage() {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, PATIENCE);
        tray = new UploadTrayPage(browser);
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void eachFileShowsCaptioningBeforeDoneInOneRowAndATextFileShowsACrossWithTheReason() throws Exception {
        ((JavascriptExecutor) browser).executeScript("""
                window.seenStates = [];
                new MutationObserver(changes => changes.forEach(change => {
                  const row = change.target;
                  if (row.classList && row.classList.contains('upload-result')) {
                    window.seenStates.push(row.querySelector('.upload-name').textContent + '=' + row.dataset.status);
                  }
                })).observe(document.getElementById('upload-results'),
                    {attributes: true, subtree: true, attributeFilter: ['data-status']});
                """);
        chooseFiles(image("beach-walk.png", 301), image("harbour-night.png", 302));

        wait.until(driver -> rows("[data-status='READY']").size() == 2);
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.seenStates");
        System.out.println("States seen on the page: " + seen);
        for (String name : List.of("beach-walk.png", "harbour-night.png")) {
            List<String> states = seen.stream()
                    .filter(state -> state.startsWith(name + "="))
                    .map(state -> state.substring(name.length() + 1))
                    .toList();
            assertThat(states).contains("CAPTIONING", "READY");
            assertThat(states.indexOf("CAPTIONING")).isLessThan(states.lastIndexOf("READY"));
        }
        assertThat(rows("").stream().map(row -> row.getAttribute("data-image-id")))
                .doesNotContainNull();
        PageChecks.screenshot(browser, "upload-done-1280");

        chooseFiles(Files.copy(Fixtures.media("bad-text-named.png"), files.resolve("notes.png")));
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#upload-results [data-outcome='refused']")));
        assertThat(refused.getAttribute("data-status")).isEqualTo("REFUSED");
        assertThat(refused.findElement(By.className("upload-mark")).getText()).isEqualTo("✗");
        assertThat(refused.getText())
                .contains("notes.png")
                .contains("it is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image (its content is plain text).");
        assertThat(tray.summaries()).as("the earlier pick keeps its own line").hasSize(2);
        wait.until(driver -> tray.newestSummary().equals("1 refused"));
    }

    @Test
    void aFileOverTheSizeLimitShowsACrossNamingTheLimitAndIsNeverSent() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Path tooBig = Files.write(files.resolve("huge-photo.png"), big);

        chooseFiles(tooBig);

        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#upload-results [data-outcome='refused']")));
        assertThat(refused.findElement(By.className("upload-mark")).getText()).isEqualTo("✗");
        assertThat(refused.getText()).contains("huge-photo.png").contains("is larger than the limit of 5 MB.");
        assertThat(refused.getText()).doesNotContain("..");
        assertThat(ingest.library(0, 1000).stream().map(ImageSummary::fileName)).doesNotContain("huge-photo.png");
    }

    @Test
    void threePicksOfEightFilesAreAllStoredEachWithItsOwnSummary() throws Exception {
        for (int pick = 0; pick < 3; pick++) {
            List<Path> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                batch.add(image("drop" + pick + "-" + i + ".png", 1000 + pick * 10 + i));
            }
            chooseFiles(batch.toArray(Path[]::new));
        }

        wait.until(driver -> storedNamed("drop") == 24);
        wait.withMessage(() -> "the summaries say: " + tray.summaries())
                .until(driver -> tray.summaries().equals(List.of("8 stored", "8 stored", "8 stored")));
        assertThat(rows("[data-outcome='refused']")).isEmpty();
        assertThat(rows("[data-outcome='stored']")).hasSize(24);
        assertThat(browser.findElement(By.id("upload-button")).isEnabled()).isTrue();
    }

    @Test
    void twentyFivePickedFilesStoreTwentyAndSayWhyFiveWereNotSent() throws Exception {
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            picked.add(image("pick-" + i + ".png", 2000 + i));
        }

        chooseFiles(picked.toArray(Path[]::new));

        wait.until(driver ->
                storedNamed("pick-") == 20 && rows("[data-outcome='stored']").size() == 20);
        List<WebElement> refused = rows("[data-outcome='refused']");
        assertThat(refused).hasSize(5);
        assertThat(refused)
                .allSatisfy(row -> assertThat(row.getText()).contains("at most 20 files are taken per drop or pick"));
        List<String> seen = new ArrayList<>();
        wait.withMessage(() -> "the summary says: " + tray.newestSummary()).until(driver -> {
            seen.add(tray.newestSummary());
            return tray.newestSummary().equals("20 stored, 5 refused");
        });
        System.out.println("Summaries seen: " + seen.stream().distinct().toList());
        assertThat(rows("")).as("every row of the pick stays").hasSize(25);
        PageChecks.screenshot(browser, "upload-batch-1280");
        Thread.sleep(200);
        assertThat(storedNamed("pick-")).isEqualTo(20);
    }

    private Path image(String name, long seed) throws Exception {
        return Files.write(files.resolve(name), TestImages.png(160, 120, seed));
    }

    private long storedNamed(String prefix) {
        return ingest.library(0, 1000).stream()
                .filter(image -> image.fileName().startsWith(prefix))
                .count();
    }

    private List<WebElement> rows(String filter) {
        return tray.rows(filter);
    }

    private void chooseFiles(Path... paths) {
        tray.choose(paths);
    }
}
