package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.glimpse.testsupport.Browser;
import dev.glimpse.testsupport.GlimpseTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The microphone button ({@code glimpse-recorder}) in Chromium with its fake microphone: it never leaves the
 * microphone on when it is removed or disabled while the browser is still opening it, and a send that gets no answer
 * or a refusal says what happened. The refusals come from a small HTTP server of the test's own that answers like an
 * overloaded or limiting server would; the recorder's {@code target} is pointed at it.
 */
@Tag("browser")
@GlimpseTest
class RecorderBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * Wraps the browser's own getUserMedia: every stream it opens is kept in {@code window.openedStreams} for the test
     * to look at, and it is handed to the page only when the test calls {@code window.letMicrophoneOpen()}, so the
     * page can be changed while the microphone is still being opened.
     */
    private static final String HOLD_MICROPHONE = """
            document.getElementById('recorder').maxSeconds = 600; // its own stop must not hide a microphone left on
            const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
            window.openedStreams = [];
            const gate = new Promise((resolve) => { window.letMicrophoneOpen = resolve; });
            navigator.mediaDevices.getUserMedia = async (constraints) => {
              const stream = await real(constraints);
              window.openedStreams.push(stream);
              await gate;
              return stream;
            };
            """;

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebElement recorder;
    private HttpServer refusals;
    private ExecutorService refusalThreads;
    private final CountDownLatch hung = new CountDownLatch(1);

    @BeforeEach
    void openSearchPage() {
        browser = Browser.chromium("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
        browser.get("http://localhost:" + port + "/search");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        recorder = wait.until(driver -> driver.findElement(By.id("recorder")));
        wait.until(driver -> recorder.getShadowRoot().findElement(By.id("record")));
    }

    @AfterEach
    void close() {
        hung.countDown();
        if (refusals != null) {
            refusals.stop(0);
            refusalThreads.shutdownNow();
        }
        browser.quit();
    }

    @Test
    void removingTheRecorderWhileTheMicrophoneOpensTurnsTheMicrophoneOff() {
        js(HOLD_MICROPHONE);
        js("arguments[0].shadowRoot.getElementById('record').click();", recorder);
        awaitState("starting");
        await().atMost(PATIENCE).until(() -> (Long) js("return window.openedStreams.length;") == 1);

        js("window.removedRecorder = arguments[0]; arguments[0].remove(); window.letMicrophoneOpen();", recorder);

        await("the microphone's tracks end once the page has the stream")
                .atMost(PATIENCE)
                .pollInSameThread()
                .until(() -> (Boolean) js("return window.openedStreams[0].getTracks()"
                        + ".every((track) => track.readyState === 'ended');"));
        assertThat(js("return window.removedRecorder.state;")).isNotEqualTo("recording");
    }

    @Test
    void disablingTheRecorderWhileTheMicrophoneOpensTurnsTheMicrophoneOffAndLeavesItReady() {
        js(HOLD_MICROPHONE);
        js("arguments[0].shadowRoot.getElementById('record').click();", recorder);
        awaitState("starting");
        await().atMost(PATIENCE).until(() -> (Long) js("return window.openedStreams.length;") == 1);

        js("arguments[0].disabled = true; window.letMicrophoneOpen();", recorder);

        await("the microphone's tracks end once the page has the stream")
                .atMost(PATIENCE)
                .pollInSameThread()
                .until(() -> (Boolean) js("return window.openedStreams[0].getTracks()"
                        + ".every((track) => track.readyState === 'ended');"));
        assertThat(recorder.getAttribute("state")).isEqualTo("idle");
        assertThat(button().getAttribute("aria-pressed")).isEqualTo("false");

        js("arguments[0].disabled = false;", recorder);
        button().click();
        awaitState("recording");
    }

    @Test
    void aSendThatGetsNoAnswerGivesUpAfterItsTimeoutAndSaysSo() throws IOException {
        startRefusals();
        js("arguments[0].target = arguments[1]; arguments[0].sendTimeoutSeconds = 2;", recorder, refusalUrl("/hang"));

        recordAndStop();

        awaitState("sending");
        awaitState("failed");
        assertThat(status())
                .isEqualTo("The server did not answer within 2 seconds, so your recording was not sent. Check your"
                        + " connection and try again.");
        assertThat(button().getAttribute("aria-disabled")).isEqualTo("false");
    }

    @Test
    void aRecordingTooLargeForTheServerIsNamedAsSuch() throws IOException {
        startRefusals();
        js("arguments[0].target = arguments[1];", recorder, refusalUrl("/status/413"));

        recordAndStop();

        awaitState("failed");
        assertThat(status()).isEqualTo("Your recording is too large to send. Record a shorter search and try again.");
    }

    @Test
    void tooManyRequestsSaysWhenToTryAgainAndHoldsTheNextRecordingUntilThen() throws IOException {
        startRefusals();
        js("arguments[0].target = arguments[1];", recorder, refusalUrl("/status/429"));

        recordAndStop();

        awaitState("failed");
        assertThat(status()).matches("Too many searches in a short time\\. You can record again in (59|60) seconds\\.");
        button().click(); // before the server's time is up: the microphone is not opened
        assertThat(recorder.getAttribute("state")).isEqualTo("failed");
        assertThat(status()).matches("Too many searches in a short time\\. You can record again in \\d\\d seconds\\.");
    }

    @Test
    void aBusyServerIsNamedAsBusyNotAsAConnectionProblem() throws IOException {
        startRefusals();
        js("arguments[0].target = arguments[1];", recorder, refusalUrl("/status/503"));

        recordAndStop();

        awaitState("failed");
        assertThat(status()).isEqualTo("The server is busy right now. Try again in 60 seconds.");
    }

    private void recordAndStop() {
        button().click();
        awaitState("recording");
        // a second of sound, so that the clip is not empty
        await().atMost(PATIENCE)
                .pollInSameThread()
                .until(() -> recorder.getShadowRoot()
                        .findElement(By.id("elapsed"))
                        .getText()
                        .startsWith("0:01"));
        button().click();
    }

    private WebElement button() {
        return recorder.getShadowRoot().findElement(By.id("record"));
    }

    private String status() {
        return recorder.getShadowRoot().findElement(By.id("status")).getText();
    }

    private void awaitState(String state) {
        await("recorder state " + state)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .pollInSameThread()
                .until(() -> state.equals(recorder.getAttribute("state")));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private String refusalUrl(String path) {
        return "http://localhost:" + refusals.getAddress().getPort() + path;
    }

    /**
     * Answers {@code /status/N} with status N (and Retry-After: 60), {@code /hang} never; CORS headers let the page
     * read the answer and its Retry-After header.
     */
    private void startRefusals() throws IOException {
        refusals = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        refusalThreads = Executors.newCachedThreadPool();
        refusals.setExecutor(refusalThreads);
        refusals.createContext("/status/", exchange -> {
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
            drain(exchange);
            exchange.getResponseHeaders().add("Retry-After", "60");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        refusals.createContext("/hang", exchange -> {
            drain(exchange);
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        refusals.start();
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "Retry-After");
    }
}
