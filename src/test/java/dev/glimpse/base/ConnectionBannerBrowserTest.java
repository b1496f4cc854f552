package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.ServerOutage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * When the server goes away under an open page, a banner at the top says so in words, visible on a phone and
 * announced to screen readers, instead of Vaadin's indicator text hidden behind the header.
 */
@Tag("browser")
@GlimpseTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConnectionBannerBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext server;

    private WebDriver browser;

    @BeforeEach
    void openPage() {
        browser = Browser.chromium();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aBannerSaysGlimpseCannotBeReachedWhileTheServerIsAway() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));
        PageChecks.viewport(browser, PageChecks.PHONE);
        browser.get("http://localhost:" + port + "/search");
        wait.until(driver -> "connected"
                .equals(((JavascriptExecutor) driver)
                        .executeScript("return window.Vaadin && window.Vaadin.connectionState"
                                + " && window.Vaadin.connectionState.state")));
        assertThat(browser.findElements(By.cssSelector("#connection-banner:not([hidden])")))
                .isEmpty();

        ServerOutage outage = ServerOutage.begin(server);
        try {
            WebElement banner = wait.until(driver -> driver.findElement(By.id("connection-banner")));
            wait.until(driver -> banner.isDisplayed());
            System.out.println("banner: " + banner.getText() + " (" + banner.getSize() + ")");
            assertThat(banner.getText()).startsWith("Can't reach Glimpse — retrying…");
            assertThat(banner.getAttribute("role")).isEqualTo("status");
            assertThat(banner.getRect().getY()).isZero();
            assertThat(banner.getRect().getWidth()).isEqualTo(390);
            PageChecks.screenshot(browser, "connection-lost-390");
        } finally {
            outage.end();
        }
    }
}
