package dev.glimpse.search.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.search.ImageIndex;
import dev.glimpse.testsupport.Accessibility;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.PageChecks;
import dev.glimpse.testsupport.TestImages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one search box in the header: words typed on the upload page open the search page with them in the address;
 * there the page's own box stands in the header with the focus, and the count of results agrees with its number.
 * axe-core finds nothing serious on the search page; screenshots at 1280 and 390 px.
 */
@Tag("browser")
@GlimpseTest
class HeaderSearchBoxBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageCommands edits;

    @Autowired
    ImageIndex index;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void wordsTypedInTheHeaderOpenTheSearchPageWhoseBoxHasTheFocusAndCountsInGoodGrammar() {
        captioned("header-lighthouse.png", 8101, "a striped lighthouse on a rocky cliff at dusk");
        browser = Browser.chromium();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/");
        WebElement header = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".app-header #header-search-field input")));
        header.sendKeys("striped lighthouse", Keys.ENTER);

        wait.until(driver -> URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8)
                .endsWith("/search?q=striped lighthouse"));
        WebElement results = browser.findElement(By.id("search-results"));
        wait.until(driver -> "striped lighthouse".equals(results.getAttribute("data-query")));
        WebElement box = browser.findElement(By.cssSelector(".app-header #search-field input"));
        assertThat(box.getDomProperty("value")).isEqualTo("striped lighthouse");
        assertThat(browser.switchTo().activeElement()).isEqualTo(box);
        assertThat(browser.findElements(By.cssSelector("#header-search-field"))).noneMatch(WebElement::isDisplayed);

        int hits = browser.findElements(By.cssSelector("#search-results .search-hit"))
                .size();
        String count = browser.findElement(By.id("search-count")).getText();
        System.out.println(hits + " results: '" + count + "'");
        assertThat(count).isEqualTo(SearchPageParts.matches(hits));
        assertThat(count).matches("1 image matches|[02-9]\\d* images match|1\\d+ images match|No image matches");
        PageChecks.screenshot(browser, "search-header-1280");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();

        PageChecks.viewport(browser, PageChecks.PHONE);
        browser.navigate().refresh();
        wait.until(driver -> "striped lighthouse"
                .equals(driver.findElement(By.id("search-results")).getAttribute("data-query")));
        System.out.println("/search at 390 px: overflow " + PageChecks.horizontalOverflow(browser) + " px");
        assertThat(PageChecks.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
        PageChecks.screenshot(browser, "search-header-390");
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
    }

    private void captioned(String name, long seed, String caption) {
        UUID id = ((IngestOutcome.Stored) ingest.ingest(name, TestImages.png(240, 180, seed)))
                .image()
                .id();
        await().atMost(PATIENCE)
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY);
        edits.editCaption(id, caption).join();
        await().atMost(PATIENCE).until(() -> index.caption(id).orElse("").equals(caption));
    }
}
