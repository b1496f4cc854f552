package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.ImageSummary;
import dev.glimpse.testsupport.Accessibility;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The tray forgets nothing: files picked while the browser is offline (Chromium's network emulation) wait, said so,
 * under a visible banner, and are sent when it is back; files dropped anywhere on the page are taken (never opened by the browser); rows show
 * their whole text on a phone; and the page passes axe-core.
 */
@Tag("browser")
@GlimpseTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadTrayBrowserTest {

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
        wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
        tray = new UploadTrayPage(browser);
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-input")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void filesPickedWhileTheBrowserIsOfflineWaitUnderABannerAndAreSentWhenItIsBack() throws Exception {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        ((ChromiumDriver) browser).setNetworkConditions(offline);
        try {
            WebElement banner = browser.findElement(By.id("connection-banner"));
            wait.until(driver -> banner.isDisplayed());
            assertThat(banner.getText()).contains("Can't reach Glimpse — retrying…");

            tray.choose(image("offline-1.png", 41), image("offline-2.png", 42));

            wait.withMessage(() -> "rows: " + texts(tray.rows("")))
                    .until(driver -> tray.rows("[data-status='QUEUED']").size() == 2
                            && texts(tray.rows("")).stream().allMatch(text -> text.contains("Waiting for connection")));
            wait.until(driver -> tray.newestSummary().contains("2 waiting for connection"));
            System.out.println("while offline: " + tray.newestSummary());
            PageChecks.screenshot(browser, "upload-offline-1280");
            assertThat(storedNamed("offline-")).isZero();
        } finally {
            ((ChromiumDriver) browser).deleteNetworkConditions();
        }
        long back = System.nanoTime();

        wait.withMessage(() -> "summary: " + tray.newestSummary() + "; attempts: "
                        + browser.findElement(By.id("upload")).getAttribute("data-attempts") + "; last problem: "
                        + browser.findElement(By.id("upload")).getAttribute("data-last-problem"))
                .until(driver -> tray.newestSummary().equals("2 stored"));
        System.out.printf(
                "both files stored %.1f s after the browser was back online%n", (System.nanoTime() - back) / 1e9);
        assertThat(storedNamed("offline-")).isEqualTo(2);
        wait.until(driver -> !driver.findElement(By.id("connection-banner")).isDisplayed());
    }

    @Test
    void filesDroppedOutsideTheBoxAreTakenAndTheBrowserNeverOpensThem() throws Exception {
        String before = browser.getCurrentUrl();

        tray.drop(browser.findElement(By.tagName("h2")), image("dropped-1.png", 51), image("dropped-2.png", 52));
        tray.drop(browser.findElement(By.id("library")), image("dropped-3.png", 53));

        wait.withMessage(() -> "summaries: " + tray.summaries())
                .until(driver -> tray.summaries().equals(List.of("1 stored", "2 stored")));
        assertThat(storedNamed("dropped-")).isEqualTo(3);
        assertThat(browser.getCurrentUrl()).isEqualTo(before);
    }

    @Test
    void phonePhotosInHeicAndAvifArePickedAndStoredLikeAnyOther() throws Exception {
        Path heif = Path.of("src/test/resources/imaging/heif");
        Path heic = Files.copy(heif.resolve("grid-cropped-rotated.heic"), files.resolve("picked-phone.heic"));
        Path avif = Files.copy(heif.resolve("rotated.avif"), files.resolve("picked-phone.avif"));

        tray.choose(heic, avif);

        wait.withMessage(() -> "summary: " + tray.newestSummary())
                .until(driver -> tray.newestSummary().equals("2 stored"));
        assertThat(storedNamed("picked-phone")).isEqualTo(2);
    }

    @Test
    void onAPhoneEveryRowShowsItsWholeTextAndThePagePassesAxe() throws Exception {
        PageChecks.viewport(browser, PageChecks.PHONE);
        String longName = "a-very-long-file-name-from-a-phone-camera-roll-2026-12-07-07-15-42-IMG_20261207_071542"
                + "-edited-final-version.txt";
        Path text = Files.writeString(files.resolve(longName), "not an image");
        tray.choose(text, image("phone-ok.png", 61));

        wait.until(driver -> tray.newestSummary().equals("1 stored, 1 refused"));
        WebElement refused = tray.rows("[data-outcome='refused']").getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("""
                const row = arguments[0];
                const detail = row.querySelector('.upload-detail').getBoundingClientRect();
                const bounds = row.getBoundingClientRect();
                return {rowHeight: bounds.height, scroll: row.scrollHeight, client: row.clientHeight,
                        detailBottom: detail.bottom, rowBottom: bounds.bottom, right: bounds.right,
                        viewport: window.innerWidth};
                """, refused);
        System.out.println("refused row at 390 px: " + box);
        assertThat(box.get("scroll").intValue())
                .isLessThanOrEqualTo(box.get("client").intValue());
        assertThat(box.get("detailBottom").doubleValue())
                .isLessThanOrEqualTo(box.get("rowBottom").doubleValue());
        assertThat(box.get("right").doubleValue())
                .isLessThanOrEqualTo(box.get("viewport").doubleValue());
        assertThat(refused.getText()).contains(longName).contains("is not a JPEG, PNG, WebP, GIF, HEIC or AVIF image");
        WebElement dismiss = browser.findElement(By.cssSelector(".upload-dismiss"));
        assertThat(dismiss.isDisplayed()).isTrue();
        assertThat(PageChecks.horizontalOverflow(browser)).isZero();
        PageChecks.screenshot(browser, "upload-refused-390");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();

        dismiss.click();
        wait.until(driver -> tray.summaries().isEmpty());
        assertThat(tray.rows("")).isEmpty();
    }

    private Path image(String name, long seed) throws Exception {
        return Files.write(files.resolve(name), TestImages.png(160, 120, seed));
    }

    private long storedNamed(String prefix) {
        return ingest.library(0, 1000).stream()
                .map(ImageSummary::fileName)
                .filter(name -> name.startsWith(prefix))
                .count();
    }

    private static List<String> texts(List<WebElement> rows) {
        return rows.stream().map(WebElement::getText).toList();
    }
}
