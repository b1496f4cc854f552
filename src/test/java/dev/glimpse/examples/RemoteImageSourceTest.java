package dev.glimpse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The remote example source against a local HTTP server: redirects, time-outs, non-images and oversized bodies. */
class RemoteImageSourceTest {

    private ImageServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ImageServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void followsRedirectsToTheImageAndKeepsTheFinalUrl() {
        Example.Fetched image = source("/random").fetch();

        assertThat(image.origin()).isEqualTo(server.url("/image/1.png"));
        assertThat(image.format()).isEqualTo("png");
        assertThat(image.pixels().getWidth()).isEqualTo(64);
        assertThat(image.source()).isEqualTo(Example.Source.REMOTE);
        assertThat(source("/random").fetch().origin()).isEqualTo(server.url("/image/2.png"));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsSkippedAfterTheReadTimeout() {
        // /slow answers (with an image) only after 10 s, and the whole fetch may take 10 s too: only the read
        // time-out of 700 ms can end the fetch with "timed out"
        RemoteImageSource source = new RemoteImageSource(
                new ExamplesProperties.Remote(
                        server.url("/slow"),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(700),
                        Duration.ofSeconds(10),
                        DataSize.ofMegabytes(1),
                        3),
                UploadLimits.DECODING);

        assertThatThrownBy(source::fetch)
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("timed out fetching " + server.url("/slow"));
    }

    @Test
    void aWebPageIsNotAnImage() {
        assertThatThrownBy(() -> source("/html").fetch())
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("not an image");
    }

    @Test
    void twentyMegabytesAreAbortedAtTheLimit() {
        assertThatThrownBy(() -> source("/huge").fetch())
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("larger than " + DataSize.ofMegabytes(1).toBytes());

        // the server stops writing once it notices the closed connection
        await().atMost(Duration.ofSeconds(30)).until(() -> server.hugeResponsesEnded() == 1);
        assertThat(server.hugeBytesSent()).isLessThan(ImageServer.HUGE_BYTES / 2);
    }

    @Test
    void anEndlessStreamIsReadIntoLittleMemory() {
        long limit = DataSize.ofMegabytes(1).toBytes();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> BoundedRead.readAtMost(endless, limit, System.nanoTime() + 10_000_000_000L))
                .isInstanceOf(ExampleUnavailableException.class);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated").isLessThan(4 * limit);
    }

    @Test
    void redirectsAreBoundedAndOnlyGoToHttpUrls() {
        assertThatThrownBy(() -> source("/loop").fetch())
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("more than 3 redirects");
        assertThatThrownBy(() -> source("/file").fetch())
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("not an http(s) URL: file:");
    }

    @Test
    void aServerThatIsNotRunningIsSkipped() {
        String url = server.url("/random");
        server.close();

        assertThatThrownBy(() -> new RemoteImageSource(remote(url), UploadLimits.DECODING).fetch())
                .isInstanceOf(ExampleUnavailableException.class)
                .hasMessageContaining("could not fetch");
    }

    private RemoteImageSource source(String path) {
        return new RemoteImageSource(remote(server.url(path)), UploadLimits.DECODING);
    }

    /** Time-outs no answer from the local server comes near, however busy the machine. */
    private static ExamplesProperties.Remote remote(String url) {
        return new ExamplesProperties.Remote(
                url,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                DataSize.ofMegabytes(1),
                3);
    }
}
