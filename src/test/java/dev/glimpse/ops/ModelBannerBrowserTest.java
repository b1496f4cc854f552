package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.ArrivingModel;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While the captioning model is missing the page says so in one line that opens to plain words and can be dismissed,
 * and a new upload's row says it waits for the model rather than failing; all goes away when the model appears.
 */
@Tag("browser")
@GlimpseTest
class ModelBannerBrowserTest {

    private static final ArrivingModel CAPTION = new ArrivingModel("blip-tiny");

    @DynamicPropertySource
    static void missingCaptionModel(DynamicPropertyRegistry registry) {
        CAPTION.register(registry, "caption");
    }

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openPage() {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aCompactDismissibleBannerAndWaitingRowsWhileTheModelIsMissingThenCaptionsWhenItAppears() throws Exception {
        PageChecks.viewport(browser, PageChecks.PHONE);
        browser.get("http://localhost:" + port + "/");
        WebElement banner = wait.until(driver -> driver.findElement(By.id("model-banner")));
        wait.until(driver -> banner.isDisplayed());
        int height = banner.getSize().getHeight();
        System.out.println("banner at 390 px: " + height + " px: " + banner.getText());
        assertThat(height).as("one line on a phone").isLessThan(48);
        assertThat(banner.getText())
                .startsWith("Captioning paused — a model is missing")
                .doesNotContain("cannot be captioned yet");
        banner.findElement(By.tagName("summary")).click();
        wait.until(driver -> banner.getText().contains("cannot be captioned yet"));
        assertThat(banner.getText()).contains("by themselves").doesNotContain("Exception");
        PageChecks.screenshot(browser, "model-banner-390");

        UploadRows rows = new UploadRows(browser);
        rows.choose(Files.write(files.resolve("while-missing.png"), TestImages.png(160, 120, 77)));
        WebElement row = wait.until(driver -> rows.first("[data-status='WAITING']"));
        System.out.println("row while the model is missing: " + row.getText());
        assertThat(row.getText()).contains("waiting for the caption model").doesNotContain("failed");

        dismissedBannerStaysAwayOnTheNextPage();

        CAPTION.appear();

        wait.until(driver -> !driver.findElement(By.id("model-banner")).isDisplayed());
        wait.until(driver -> rows.first("[data-status='READY']") != null);
    }

    private void dismissedBannerStaysAwayOnTheNextPage() {
        WebDriver other = Browser.chromium();
        try {
            WebDriverWait otherWait = new WebDriverWait(other, Duration.ofSeconds(60), Duration.ofMillis(100));
            other.get("http://localhost:" + port + "/search");
            otherWait.until(driver -> driver.findElement(By.id("model-banner")).isDisplayed());
            other.findElement(By.id("model-banner-dismiss")).click();
            otherWait.until(driver -> !driver.findElement(By.id("model-banner")).isDisplayed());
            other.get("http://localhost:" + port + "/");
            otherWait.until(driver -> driver.findElement(By.id("upload-input")) != null);
            // a banner hidden from the start is not even sent to the page
            assertThat(other.findElements(By.id("model-banner"))).noneMatch(WebElement::isDisplayed);
        } finally {
            other.quit();
        }
    }

    /** The upload tray's file chooser and rows. */
    private record UploadRows(WebDriver browser) {
        void choose(Path file) {
            browser.findElement(By.id("upload-input")).sendKeys(file.toString());
        }

        @Nullable
        WebElement first(String filter) {
            return browser.findElements(By.cssSelector("#upload-results .upload-result" + filter)).stream()
                    .findFirst()
                    .orElse(null);
        }
    }
}
