package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.ArrivingModel;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** While the captioning model is missing the page says so in plain words; the line goes away when it appears. */
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
    void theBannerShowsWhileTheModelIsMissingAndDisappearsWhenItAppears() throws IOException {
        browser.get("http://localhost:" + port + "/search");
        wait.until(driver -> driver.findElement(By.id("model-banner")).isDisplayed());
        String text = browser.findElement(By.id("model-banner")).getText();
        System.out.println("banner: " + text);
        assertThat(text)
                .contains("cannot be captioned yet")
                .contains("by themselves")
                .doesNotContain("Exception");

        CAPTION.appear();

        wait.until(driver -> !driver.findElement(By.id("model-banner")).isDisplayed());
    }
}
