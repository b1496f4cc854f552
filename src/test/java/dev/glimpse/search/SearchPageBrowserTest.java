package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageCommands;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.library.ImageSummary;
import dev.glimpse.speech.TranscriptionService;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person finds images on the search page in a real browser: by typing an image's caption (images uploaded and
 * captioned by the real pipeline with blip-tiny), and by speaking into Chromium's fake microphone, which plays the
 * fixture sentence: what whisper-tiny (random weights) hears in the clip the page sent appears under the recorder with
 * the service's answer to it, and searching it again finds the image given that caption.
 */
@Tag("browser")
@GlimpseTest
class SearchPageBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(SearchPageBrowserTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    ImageIndex index;

    @Autowired
    SearchService search;

    @Autowired
    TranscriptionService transcription;

    @Autowired
    ImageCommands edits;

    private WebDriver browser;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void typingAnImagesCaptionFindsThatImageFirst() {
        List<UUID> ids = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            ids.add(store("search-" + seed + ".png", TestImages.png(320, 240, 900 + seed)));
        }
        List<ImageSummary> ready = ids.stream().map(this::awaitReadyAndIndexed).toList();
        ImageSummary wanted = ready.get(1);

        open();
        WebElement field = browser.findElement(By.cssSelector("#search-field input"));
        field.sendKeys(wanted.caption(), Keys.ENTER);

        WebElement best = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .search-hit.best-match")));
        // blip-tiny writes much the same caption for every image, and earlier tests' uploads may still be getting
        // theirs: the twins are counted once the answer is shown, so that every one that could rank with ours counts
        List<ImageSummary> twins = ingest.library(0, 1000).stream()
                .filter(image -> wanted.caption().equals(image.caption()))
                .toList();
        List<UUID> sameCaption = twins.stream().map(ImageSummary::id).toList();
        log.info("Searched for '{}', the caption of {} image(s)", wanted.caption(), sameCaption.size());
        assertThat(best.findElement(By.className("hit-caption")).getText()).isEqualTo(wanted.caption());
        assertThat(UUID.fromString(best.getAttribute("data-image-id"))).isIn(sameCaption);
        if (sameCaption.size() == 1) {
            assertThat(best.getAttribute("data-image-id")).isEqualTo(wanted.id().toString());
        }
        assertThat(best.findElement(By.tagName("img")).getAttribute("src"))
                .endsWith(best.getAttribute("data-image-id") + "/thumbnail");
        // the numbers sit behind "Why?" (closed), so they are read from the page rather than from what is visible
        assertThat(best.findElement(By.className("hit-score")).getAttribute("textContent"))
                .contains("#1 · score ");
        // the file shown is the best hit's own (one of this test's images unless a twin from another test ranks first)
        String bestFile = twins.stream()
                .filter(image -> image.id().toString().equals(best.getAttribute("data-image-id")))
                .map(ImageSummary::fileName)
                .findFirst()
                .orElseThrow();
        assertThat(best.findElement(By.className("hit-file")).getText()).isEqualTo(bestFile);
        if (sameCaption.size() == 1) {
            assertThat(bestFile).isEqualTo(wanted.fileName());
        }
        assertThat(browser.findElements(By.id("search-message"))).noneMatch(WebElement::isDisplayed);
        keepScreenshot("search-page-typed.png");
    }

    @Test
    void speakingIntoTheMicrophoneShowsWhatWhisperHeardAndSearchingItFindsTheImageCaptionedSo() throws Exception {
        ImageSummary intended = awaitReadyAndIndexed(store("voice-library.png", TestImages.png(200, 150, 950)));
        String sentence = Fixtures.media("speech-red-car-22khz.wav").toString();
        open(
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + sentence);
        WebElement recorder = browser.findElement(By.id("recorder"));
        WebElement button = wait.until(driver -> recorder.getShadowRoot().findElement(By.id("record")));

        button.click();
        wait.until(driver -> "true".equals(button.getAttribute("aria-pressed")));
        WebElement elapsed = recorder.getShadowRoot().findElement(By.id("elapsed"));
        assertThat(elapsed.getText()).endsWith("/ 0:15");
        wait.until(driver -> elapsed.getText().startsWith("0:03")); // the sentence, and a little more
        button.click();

        WebElement transcript = new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript")));
        // the recorder marks the recording sent when the upload's answer reaches it, apart from the pushed transcript
        wait.until(driver -> "sent".equals(recorder.getAttribute("state")));
        assertThat(recorder.getShadowRoot().findElement(By.id("status")).getText())
                .isEqualTo("Recording sent. You can play it back below.");
        assertThat(recorder.getShadowRoot().findElements(By.id("playback"))).hasSize(1);
        keepScreenshot("search-page-voice.png");

        // what whisper-tiny hears in the very clip the page sent (kept for the player), transcribed again here
        byte[] clip = sentClip(recorder);
        String heard = transcription.transcribe(clip, false).get().text();
        log.info("whisper-tiny heard from the fake microphone ({} bytes): '{}'", clip.length, heard);
        assertThat(heard).as("what whisper-tiny heard").isNotBlank();
        assertThat(transcript.getDomProperty("value")).isEqualTo(heard);
        // what was heard stands in the search box and the URL, as a typed query would
        assertThat(browser.findElement(By.cssSelector("#search-field input")).getDomProperty("value"))
                .isEqualTo(heard);
        String url = java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
        log.info("after the voice search the address is {}", url);
        assertThat(url).endsWith("/search?q=" + heard);
        // the page shows the service's answer to those words: its best hit, or its message
        SearchResults answer = search.search(heard).get();
        if (answer.hits().isEmpty()) {
            assertThat(browser.findElement(By.id("search-message")).getText()).isEqualTo(answer.message());
        } else {
            assertThat(wait.until(driver ->
                                    driver.findElement(By.cssSelector("#search-results .search-hit.best-match")))
                            .getAttribute("data-image-id"))
                    .isEqualTo(answer.hits().getFirst().id().toString());
            assertThat(browser.findElement(By.id("search-results")).getAttribute("data-query"))
                    .isEqualTo(QueryText.clean(heard, 1000));
        }

        // an image captioned with those very words is what searching the transcript again finds first
        edits.editCaption(intended.id(), heard).get();
        await().atMost(PATIENCE)
                .until(() -> search.search(heard).get().hits().stream()
                        .findFirst()
                        .filter(hit -> hit.id().equals(intended.id()))
                        .isPresent());
        browser.findElement(By.id("transcript-search")).click();
        WebElement best = wait.until(driver -> driver.findElement(
                By.cssSelector("#search-results .search-hit.best-match[data-image-id='" + intended.id() + "']")));
        assertThat(best.findElement(By.className("hit-caption")).getText()).isEqualTo(heard);
        assertThat(best.findElement(By.tagName("img")).getAttribute("src")).endsWith(intended.id() + "/thumbnail");
        assertThat(transcript.getDomProperty("value")).isEqualTo(heard);
    }

    /** The recording the page sent, read back from the blob its player plays. */
    private byte[] sentClip(WebElement recorder) {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0].shadowRoot.getElementById('playback').src)
                          .then((response) => response.arrayBuffer())
                          .then((buffer) => {
                            let text = '';
                            new Uint8Array(buffer).forEach((byte) => { text += String.fromCharCode(byte); });
                            done(btoa(text));
                          });
                        """, recorder);
        return Base64.getDecoder().decode(base64);
    }

    @Test
    void aBlockedMicrophoneIsExplainedInPlainWords() {
        open("--use-fake-device-for-media-stream", "--deny-permission-prompts");
        WebElement recorder = browser.findElement(By.id("recorder"));
        WebElement button = wait.until(driver -> recorder.getShadowRoot().findElement(By.id("record")));

        button.sendKeys(Keys.ENTER);

        wait.until(driver -> "denied".equals(recorder.getAttribute("state")));
        WebElement status = recorder.getShadowRoot().findElement(By.id("status"));
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(status.getText())
                .startsWith("The microphone is blocked for this page. Allow it in the address bar")
                .endsWith("Or type your search in the box instead.");
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(button.isEnabled()).isTrue();
    }

    @Test
    void theNavbarLeadsToTheUploadPageAndBack() {
        open();

        browser.findElement(By.id("nav-upload")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");

        browser.findElement(By.id("nav-search")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-field")));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/search");
    }

    /** A picture of the page for people reading the build output, under target/screenshots. */
    private void keepScreenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(folder.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(String... browserArguments) {
        browser = Browser.chromium(browserArguments);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/search");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-field")));
    }

    private UUID store(String name, byte[] png) {
        IngestOutcome outcome = ingest.ingest(name, png);
        assertThat(outcome).isInstanceOf(IngestOutcome.Stored.class);
        return ((IngestOutcome.Stored) outcome).image().id();
    }

    /** The row turns READY in one commit and its index document is written just after it: waits for both. */
    private ImageSummary awaitReadyAndIndexed(UUID id) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ingest.find(id).map(ImageSummary::status).orElse(null) == ImageStatus.READY
                        && index.documentsFor(id) > 0);
        return ingest.find(id).orElseThrow();
    }
}
