package dev.glimpse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person drops images on the page in a real browser and sees previews, library rows, captions arriving by server
 * push without a reload, and a refusal for a text file.
 */
@Tag("browser")
@GlimpseTest
class UploadPageBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private WebDriver browser;
    private WebDriverWait wait;
    private String pageUrl;

    @Autowired
    IngestService ingest;

    @BeforeEach
    void openPage() {
        browser = Browser.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        pageUrl = "http://localhost:" + port + "/";
        browser.get(pageUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void twoDroppedImagesAreCaptionedLiveAndATextFileIsRefused() throws Exception {
        Path beach = Files.write(files.resolve("beach-walk.png"), TestImages.png(400, 300, 301));
        Path harbour = Files.write(files.resolve("harbour-night.jpg"), TestImages.jpeg(300, 400, 302));

        chooseFiles(beach, harbour);

        wait.until(driver -> driver.findElements(By.cssSelector("#upload-cards .upload-card"))
                        .size()
                == 2);
        // the library is reloaded whenever any image changes (captions arrive meanwhile): read it in one go
        wait.until(driver -> {
            String library = libraryText();
            return library.contains("beach-walk.png")
                    && library.contains("harbour-night.jpg")
                    && library.contains("400 × 300")
                    && library.contains("300 × 400");
        });

        Path textFile = Files.copy(Fixtures.media("bad-text-named.png"), files.resolve("notes.png"));
        chooseFiles(textFile);

        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#upload-results [data-outcome='refused']")));
        assertThat(refusal.getText())
                .isEqualTo(
                        "\"notes.png\" was refused: it is not a JPEG, PNG, WebP or GIF image (its content is plain text).");
        assertThat(browser.findElements(By.cssSelector("#upload-cards .upload-card")))
                .hasSize(2);
    }

    private void chooseFiles(Path... paths) {
        WebElement upload = browser.findElement(By.id("upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '';", input);
        List<String> names = List.of(paths).stream().map(Path::toString).toList();
        input.sendKeys(String.join("\n", names));
    }

    private String libraryText() {
        return browser.findElements(By.cssSelector("#library vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
