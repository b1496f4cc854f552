package dev.glimpse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.hub.HubClient;
import dev.glimpse.ml.hub.ModelStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a firewalled or offline first run reports about hub models, before and after a failed load. */
class ModelMonitorTest {

    private static final String BLIP = "Salesforce/blip-image-captioning-base";

    @TempDir
    Path store;

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Test
    void aHubThatRefusesConnectionsIsReportedWithTheWayOutBeforeAnyUpload() throws IOException {
        ModelMonitor monitor = monitor(closedPort(), false);
        monitor.lazy("caption", BLIP, () -> {
            throw new AssertionError("not loaded by the check");
        });

        List<ModelState> missing = monitor.recheck(true);

        assertThat(missing).hasSize(1);
        ModelState caption = missing.getFirst();
        System.out.println(caption);
        assertThat(caption.availability()).isEqualTo(ModelState.Availability.MISSING);
        assertThat(caption.reason()).isEqualTo("connection refused");
        assertThat(caption.fix())
                .contains("prefetch-models")
                .contains("glimpse.models.offline=true")
                .contains("glimpse.caption.model")
                .contains("glimpse.models.hub-url");
        assertThat(events).isEmpty();
        assertThat(monitor.availabilityAnnouncements()).isZero();
    }

    @Test
    void offlineModeWithoutTheFilesIsMissingAndSaysSoWithoutAskingTheHub() {
        ModelMonitor monitor = monitor(URI.create("http://hub.glimpse-test.invalid"), true);
        monitor.lazy("embedding", "sentence-transformers/all-MiniLM-L6-v2", () -> {
            throw new AssertionError("not loaded");
        });

        ModelState embedding = monitor.states().getFirst();

        assertThat(embedding.availability()).isEqualTo(ModelState.Availability.MISSING);
        assertThat(embedding.reason()).contains("offline mode");
        assertThat(embedding.fix()).contains("prefetch-models").contains("glimpse.models.offline=false");
    }

    @Test
    void aModelKnownToBeMissingFailsAtOnceUntilTheNextRecheck() throws IOException {
        ModelMonitor monitor = monitor(closedPort(), false);
        ModelLocator locator = new ModelLocator(new ModelStore(store, new HubClient(closedPort()), false));
        AtomicInteger attempts = new AtomicInteger();
        LazyModel<AutoCloseable> model = monitor.lazy("caption", BLIP, () -> {
            attempts.incrementAndGet();
            locator.locate(BLIP);
            return () -> {};
        });

        assertThatThrownBy(model::get)
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("connection refused");
        assertThatThrownBy(model::get).isInstanceOf(ModelUnavailableException.class);

        assertThat(attempts).hasValue(1);
        assertThat(monitor.states().getFirst().reason()).isEqualTo("connection refused");
    }

    @Test
    void aModelThatLoadsAfterFailingIsAnnouncedAndReportedLoaded() throws Exception {
        ModelMonitor monitor = monitor(closedPort(), false);
        AtomicInteger attempts = new AtomicInteger();
        LazyModel<AutoCloseable> model = monitor.lazy("caption", BLIP, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("config.json is not valid JSON");
            }
            return () -> {};
        });
        assertThatThrownBy(model::get).isInstanceOf(ModelUnavailableException.class);
        assertThat(monitor.states().getFirst().reason()).isEqualTo("its files do not load");
        long announcedBefore = monitor.availabilityAnnouncements();

        model.get();

        assertThat(monitor.states().getFirst().availability()).isEqualTo(ModelState.Availability.LOADED);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> events.contains(new ModelAvailable("caption", BLIP)));
        assertThat(monitor.availabilityAnnouncements())
                .as("work failing while the model appeared can tell that it did")
                .isEqualTo(announcedBefore + 1);
    }

    private ModelMonitor monitor(URI hub, boolean offline) {
        ModelsProperties properties = new ModelsProperties(store, hub, offline, "cpu", 0, Duration.ofMinutes(1));
        ModelLocator locator = new ModelLocator(new ModelStore(store, new HubClient(hub), offline));
        return new ModelMonitor(new SimpleMeterRegistry(), events::add, locator, properties);
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
