package dev.glimpse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Accessibility;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.SecuredGlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser with sign-in required: the page sends a visitor to the login view, the configured user signs in
 * (Vaadin's login form, Spring's CSRF token), and an upload beyond the user's limit (2 a minute here) is kept in the
 * tray, waiting with the "slow down" message, and is sent by itself once the limit allows.
 */
@Tag("browser")
@SecuredGlimpseTest
class SignedInPageBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aVisitorSignsInAndIsToldToSlowDownBeyondTheUploadLimit() throws Exception {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement user = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#login-form input[name='username']")));
        user.sendKeys("alice");
        browser.findElement(By.cssSelector("#login-form input[name='password']"))
                .sendKeys(SecuredGlimpseTest.ALICE_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
        assertThat(browser.getCurrentUrl()).doesNotContain("login");
        assertThat(browser.findElements(By.id("sign-out"))).hasSize(1);

        chooseFiles(
                Files.write(files.resolve("one.png"), TestImages.png(64, 48, 701)),
                Files.write(files.resolve("two.png"), TestImages.png(64, 48, 702)),
                Files.write(files.resolve("three.png"), TestImages.png(64, 48, 703)));

        wait.until(driver -> driver.findElements(By.cssSelector("#upload-results .upload-result"))
                        .size()
                == 3);
        // the third file is kept and waits for the limit, saying why, rather than being lost; the row's text is read
        // once per look, as the tray sends the file by itself once the limit allows and the row changes then
        String waiting = wait.until(
                driver -> driver.findElements(By.cssSelector("#upload-results [data-status='QUEUED']")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains("slow down, at most 2 uploads a minute"))
                        .findFirst()
                        .orElse(null));
        System.out.println("over the limit: " + waiting);
        assertThat(waiting).contains("Waiting to send").contains("sent by itself in");
        assertThat(browser.findElement(By.tagName("glimpse-upload-tray")).getDomAttribute("data-last-problem"))
                .isEqualTo("HTTP 429");

        // and it is: a minute's limit refills within the time-out, and all three end up stored
        new WebDriverWait(browser, Duration.ofSeconds(150))
                .until(driver -> driver.findElements(By.cssSelector("#upload-results [data-outcome='stored']"))
                                .size()
                        == 3);
    }

    @Test
    void theLoginPageIsAccessibleFitsAPhoneAndKeepsTheUserNameAfterAWrongPassword() {
        browser.get("http://localhost:" + port + "/login");
        WebElement user = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#login-form input[name='username']")));
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        PageChecks.screenshot(browser, "login-1280");
        PageChecks.viewport(browser, PageChecks.PHONE);
        assertThat(PageChecks.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
        PageChecks.screenshot(browser, "login-390");

        user.sendKeys("alice");
        browser.findElement(By.cssSelector("#login-form input[name='password']"))
                .sendKeys("not-her-password", Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("error"));
        wait.until(driver -> "alice"
                .equals(driver.findElement(By.cssSelector("#login-form input[name='username']"))
                        .getDomProperty("value")));
    }

    private void chooseFiles(Path... paths) {
        WebElement input = browser.findElement(By.id("upload-input"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '';", input);
        input.sendKeys(
                String.join("\n", List.of(paths).stream().map(Path::toString).toList()));
    }
}
