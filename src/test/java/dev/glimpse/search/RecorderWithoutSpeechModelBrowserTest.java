package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.UnreachableHubGlimpseTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the speech model missing, the recorder is disabled before anyone records, and says why. */
@Tag("browser")
@UnreachableHubGlimpseTest
class RecorderWithoutSpeechModelBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theRecorderIsDisabledAndSaysTheSpeechModelIsMissing() {
        browser = Browser.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/search");
        WebElement recorder = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recorder")));
        wait.until(driver -> recorder.getAttribute("unavailable") != null);
        WebElement button = recorder.getShadowRoot().findElement(By.id("record"));
        WebElement status = recorder.getShadowRoot().findElement(By.id("status"));
        System.out.println("Recorder without a speech model: '" + status.getText() + "'");
        assertThat(button.isEnabled()).isFalse();
        assertThat(status.getText()).startsWith("Voice search is off: the speech model is missing");
        // typing still works: the box is there and has the focus
        WebElement box = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".app-header #search-field input")));
        wait.until(driver -> box.equals(driver.switchTo().activeElement()));
    }
}
