package dev.glimpse.ml.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.ml.checkpoints.Checkpoints;
import dev.glimpse.ml.torch.TorchCheckpoint;
import dev.glimpse.testsupport.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    private static final ModelRef BLIP = ModelRef.parse("glimpse/blip-tiny");
    private static final ModelRef BLIP_BIN = ModelRef.parse("glimpse/blip-tiny-bin");

    @TempDir
    Path root;

    private LocalHubServer hub;

    @BeforeEach
    void startHub() throws IOException {
        hub = new LocalHubServer()
                .serve(BLIP.repo(), Fixtures.model("blip-tiny"))
                .serve(BLIP_BIN.repo(), Fixtures.model("blip-tiny-bin"));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private ModelStore store() {
        return new ModelStore(root, new HubClient(hub.baseUrl()), false);
    }

    @Test
    void downloadsEveryFileOfARepositoryIntoOwnerNameRevisionFolder() throws IOException {
        Path dir = store().resolve(BLIP);

        assertThat(dir).isEqualTo(root.resolve("glimpse--blip-tiny").resolve("main"));
        assertSameTopLevelFiles(Fixtures.model("blip-tiny"), dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void resolvingACompleteFolderAgainAsksTheHubNothing() {
        store().resolve(BLIP);
        int before = hub.requests.size();

        Path dir = store().resolve(BLIP);

        assertThat(dir.resolve("model.safetensors")).exists();
        assertThat(hub.requests).hasSize(before);
    }

    @Test
    void interruptedTransferResumesWithARangeRequestAndEndsByteIdentical() throws IOException {
        Path original = Fixtures.model("blip-tiny").resolve("model.safetensors");
        long half = Files.size(original) / 2;
        hub.cutFirstTransferOf("model.safetensors");

        Path dir = store().resolve(BLIP);

        assertThat(Files.mismatch(original, dir.resolve("model.safetensors"))).isEqualTo(-1L);
        List<LocalHubServer.Request> gets = hub.requestsFor("model.safetensors").stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/cdn/"))
                .toList();
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).range()).isNull();
        // resumes from what had arrived before the cut: never from the start, never past what the server sent
        String range = gets.get(1).range();
        assertThat(range).matches("bytes=\\d+-");
        long resumedAt = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(half);
        assertThat(dir.resolve("model.safetensors.part")).doesNotExist();
    }

    @Test
    void partialFileLeftByAnEarlierRunIsResumed() throws IOException {
        Path original = Fixtures.model("blip-tiny").resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(original);
        Path dir = store().folder(BLIP);
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.safetensors.part"), java.util.Arrays.copyOf(bytes, 1000));

        store().resolve(BLIP);

        assertThat(Files.mismatch(original, dir.resolve("model.safetensors"))).isEqualTo(-1L);
        assertThat(hub.requestsFor("model.safetensors"))
                .filteredOn(r -> r.method().equals("GET"))
                .extracting(LocalHubServer.Request::range)
                .containsOnly("bytes=1000-");
    }

    @Test
    void concurrentResolvesOfOneModelDownloadEachFileOnce() throws Exception {
        ModelStore store = store();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> store.resolve(BLIP));
            var second = executor.submit(() -> store.resolve(BLIP));
            assertThat(first.get()).isEqualTo(second.get());
        }

        assertThat(hub.requestsFor("model.safetensors"))
                .filteredOn(r -> r.method().equals("GET") && r.path().startsWith("/cdn/"))
                .hasSize(1);
        assertSameTopLevelFiles(Fixtures.model("blip-tiny"), store.folder(BLIP));
    }

    @Test
    @Timeout(120) // the stalled transfer never ends by itself: without the watchdog this would hang
    void stalledTransferIsDroppedAndResumed() throws IOException {
        hub.stallFirstTransferOf("model.safetensors");
        // long enough that a busy machine never looks like a stall, so the only resume is the one after the half
        ModelStore store = new ModelStore(root, new HubClient(hub.baseUrl(), Duration.ofSeconds(2)), false);

        Path dir = store.resolve(BLIP);

        Path original = Fixtures.model("blip-tiny").resolve("model.safetensors");
        assertThat(Files.mismatch(original, dir.resolve("model.safetensors"))).isEqualTo(-1L);
        assertThat(hub.requestsFor("model.safetensors"))
                .filteredOn(r -> r.method().equals("GET") && r.path().startsWith("/cdn/"))
                .extracting(LocalHubServer.Request::range)
                .containsExactly(null, "bytes=" + Files.size(original) / 2 + "-");
    }

    @Test
    void unreachableHubIsReportedWithTheWayOut() throws IOException {
        URI closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        ModelStore store = new ModelStore(root, new HubClient(closed), false);

        assertThatThrownBy(() -> store.resolve(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("Cannot reach the model hub")
                .hasMessageContaining("connection refused")
                .hasMessageContaining("config.json")
                .extracting(e -> ((HubException) e).kind())
                .isEqualTo(HubException.Kind.CONNECTION_REFUSED);
    }

    @Test
    void downloadedBytesAndFailuresAreCounted() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ModelStore store =
                new ModelStore(root, new HubClient(hub.baseUrl(), HubClient.DEFAULT_STALL_TIMEOUT, meters), false);

        Path dir = store.resolve(BLIP);
        assertThatThrownBy(() -> store.resolve(ModelRef.parse("glimpse/no-such-model")))
                .isInstanceOf(HubException.class);

        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
        assertThat(meters.get("glimpse.hub.download").counter().count()).isEqualTo(bytes);
        assertThat(meters.get("glimpse.hub.failures")
                        .tag("kind", "not_found")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("glimpse.hub.failures")
                        .tag("kind", "host_not_found")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void unknownHubHostIsReportedAsHostNotFoundNotAsAConnectException() {
        ModelStore store = new ModelStore(root, new HubClient(URI.create("http://hub.glimpse-test.invalid")), false);

        assertThatThrownBy(() -> store.checkAvailable(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("host not found: the name hub.glimpse-test.invalid does not resolve")
                .extracting(e -> ((HubException) e).kind())
                .isEqualTo(HubException.Kind.HOST_NOT_FOUND);
    }

    @Test
    void checkingAvailabilityDownloadsNothingAndNamesOfflineModeAndMissingRepositories() {
        assertThatThrownBy(() -> new ModelStore(root, new HubClient(hub.baseUrl()), true).checkAvailable(BLIP))
                .extracting(e -> ((HubException) e).kind())
                .isEqualTo(HubException.Kind.OFFLINE);
        assertThatThrownBy(() -> store().checkAvailable(ModelRef.parse("glimpse/no-such-model")))
                .extracting(e -> ((HubException) e).kind())
                .isEqualTo(HubException.Kind.NOT_FOUND);

        store().checkAvailable(BLIP);

        assertThat(store().isComplete(BLIP)).isFalse();
    }

    @Test
    void temporarilyUnavailableServerIsRetried() throws IOException {
        hub.failFirstTransferOf("model.safetensors");

        Path dir = store().resolve(BLIP);

        assertThat(Files.mismatch(
                        Fixtures.model("blip-tiny").resolve("model.safetensors"), dir.resolve("model.safetensors")))
                .isEqualTo(-1L);
    }

    @Test
    void partialFileFromAnEarlierRunThatDoesNotVerifyIsDownloadedAgainFromTheStart() throws IOException {
        Path original = Fixtures.model("blip-tiny").resolve("model.safetensors");
        Path dir = store().folder(BLIP);
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.safetensors.part"), new byte[1000]);

        store().resolve(BLIP);

        assertThat(Files.mismatch(original, dir.resolve("model.safetensors"))).isEqualTo(-1L);
        assertThat(hub.requestsFor("model.safetensors"))
                .filteredOn(r -> r.method().equals("GET") && r.path().startsWith("/cdn/"))
                .extracting(LocalHubServer.Request::range)
                .containsExactly("bytes=1000-", null);
    }

    @Test
    void serverIgnoringTheRangeRequestRestartsTheFileFromTheFirstByte() throws IOException {
        hub.ignoreRangeRequests();
        hub.cutFirstTransferOf("model.safetensors");

        Path dir = store().resolve(BLIP);

        assertThat(Files.mismatch(
                        Fixtures.model("blip-tiny").resolve("model.safetensors"), dir.resolve("model.safetensors")))
                .isEqualTo(-1L);
    }

    @Test
    void weightsNotMatchingTheAdvertisedSha256AreRejectedAndDeleted() {
        hub.corrupt("model.safetensors");

        assertThatThrownBy(() -> store().resolve(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("model.safetensors")
                .hasMessageContaining("is corrupt")
                .hasMessageContaining("sha256");

        Path dir = store().folder(BLIP);
        assertThat(dir.resolve("model.safetensors")).doesNotExist();
        assertThat(dir.resolve("model.safetensors.part")).doesNotExist();
        assertThat(dir.resolve(ModelStore.MANIFEST)).doesNotExist();
    }

    @Test
    void smallFileNotMatchingItsGitBlobIdIsRejected() {
        hub.corrupt("tokenizer.json");

        assertThatThrownBy(() -> store().resolve(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("tokenizer.json")
                .hasMessageContaining("git blob sha1");
        assertThat(store().folder(BLIP).resolve("tokenizer.json")).doesNotExist();
    }

    @Test
    void offlineStoreNamesTheMissingFileAndThePrefetchCommandWithoutNetwork() {
        ModelStore offline = new ModelStore(root, new HubClient(hub.baseUrl()), true);

        assertThatThrownBy(() -> offline.resolve(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("not available offline")
                .hasMessageContaining(
                        root.resolve("glimpse--blip-tiny/main/config.json").toString())
                .hasMessageContaining("ModelPrefetch");
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void offlineStoreServesAFetchedModelAndNamesAFileDeletedSince() throws IOException {
        Path dir = store().resolve(BLIP);
        ModelStore offline = new ModelStore(root, new HubClient(hub.baseUrl()), true);
        assertThat(offline.resolve(BLIP)).isEqualTo(dir);

        Files.delete(dir.resolve("tokenizer.json"));

        assertThatThrownBy(() -> offline.resolve(BLIP))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("tokenizer.json is missing");
    }

    @Test
    void offlineStoreAcceptsAFolderFilledByHand() throws IOException {
        Path dir = store().folder(BLIP_BIN);
        Files.createDirectories(dir);
        for (String file : List.of("config.json", "pytorch_model.bin")) {
            Files.copy(Fixtures.model("blip-tiny-bin").resolve(file), dir.resolve(file));
        }

        assertThat(new ModelStore(root, new HubClient(hub.baseUrl()), true).resolve(BLIP_BIN))
                .isEqualTo(dir);
    }

    @Test
    void repositoryWithOnlyAPytorchPickleDownloadsPytorchModelBin() throws IOException {
        Path dir = store().resolve(BLIP_BIN);

        assertSameTopLevelFiles(Fixtures.model("blip-tiny-bin"), dir);
        assertThat(dir.resolve("model.safetensors")).doesNotExist();
        assertThat(hub.requestsFor("model.safetensors"))
                .extracting(LocalHubServer.Request::method)
                .containsExactly("HEAD");
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint).isInstanceOf(TorchCheckpoint.class);
            assertThat(checkpoint.names()).contains("text_decoder.cls.predictions.decoder.weight");
        }
    }

    @Test
    void shardedSafetensorsIndexIsFollowedToEveryShard(@TempDir Path sharded) throws IOException {
        Files.copy(Fixtures.model("blip-tiny").resolve("config.json"), sharded.resolve("config.json"));
        List<String> shards =
                SafetensorsShards.split(Fixtures.model("blip-tiny").resolve("model.safetensors"), sharded, 3);
        hub.serve("glimpse/blip-sharded", sharded);

        Path dir = store().resolve(ModelRef.parse("glimpse/blip-sharded"));

        assertThat(shards).hasSize(3);
        for (String file : Stream.concat(shards.stream(), Stream.of("model.safetensors.index.json", "config.json"))
                .toList()) {
            assertThat(Files.mismatch(sharded.resolve(file), dir.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
        assertThat(dir.resolve("pytorch_model.bin")).doesNotExist();
        try (Checkpoint downloaded = Checkpoints.open(dir);
                Checkpoint original =
                        SafeTensors.open(Fixtures.model("blip-tiny").resolve("model.safetensors"))) {
            assertThat(downloaded.names()).isEqualTo(original.names());
            for (String name : original.names()) {
                assertThat(downloaded.tensor(name).data())
                        .as(name)
                        .isEqualTo(original.tensor(name).data());
            }
        }
    }

    @Test
    void repositoryWithoutWeightsIsReportedClearly(@TempDir Path noWeights) throws IOException {
        Files.copy(Fixtures.model("blip-tiny").resolve("config.json"), noWeights.resolve("config.json"));
        hub.serve("glimpse/empty", noWeights);

        assertThatThrownBy(() -> store().resolve(ModelRef.parse("glimpse/empty")))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("has no weights")
                .hasMessageContaining("pytorch_model.bin");
    }

    @Test
    void unknownRepositoryIsReportedWithItsConfigUrl() {
        assertThatThrownBy(() -> store().resolve(ModelRef.parse("glimpse/nothing-here")))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("glimpse/nothing-here@main has no config.json");
    }

    private static void assertSameTopLevelFiles(Path expected, Path actual) throws IOException {
        try (Stream<Path> files = Files.list(expected)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = actual.resolve(file.getFileName().toString());
                assertThat(copy).as(copy.toString()).exists();
                assertThat(Files.mismatch(file, copy)).as(copy.toString()).isEqualTo(-1L);
            }
        }
    }
}
