package dev.glimpse.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole benchmark on tiny configurations (the machinery, not full-size figures). */
class ModelBenchmarkTest {

    @TempDir
    Path configs;

    @Test
    void quickRunOnTinyModelsReportsEveryRowWithPositiveFigures() throws IOException {
        tinyConfigs();
        BenchmarkOptions options =
                BenchmarkOptions.parse("--quick", "--fixtures=" + Fixtures.root(), "--configs=" + configs);

        BenchmarkReport report = ModelBenchmark.run(options);

        List<String> expected = List.of(
                "BLIP image pre-processing, 640×480",
                "BLIP vision encoder",
                "BLIP cross-attention K/V over the image",
                "BLIP decode step, layers (per token)",
                "BLIP LM head, last position (per token)",
                "BLIP post-processing (ids to text)",
                "BLIP native ops per decode step",
                "BLIP decode-step weights read once (a sum per matrix)",
                "BLIP decode-step weights in float16 (GEMV chain)",
                "BLIP caption, 640×480, KV cache (median)",
                "BLIP caption, 640×480, no cache (median)",
                "BLIP captions/min, 1 caller, maxBatch 1",
                "BLIP captions/min, 2 callers, maxBatch 1",
                "BLIP captions/min, 2 callers, maxBatch 2",
                "BLIP captions/min, 4 callers, maxBatch 1",
                "BLIP captions/min, 4 callers, maxBatch 2",
                "BLIP captions/min, 4 callers, maxBatch 4",
                "BLIP captions/min, 8 callers, maxBatch 1",
                "BLIP captions/min, 8 callers, maxBatch 2",
                "BLIP captions/min, 8 callers, maxBatch 4",
                "BLIP captions/min, 8 callers, maxBatch 8",
                "Whisper audio decode, 30 s WAV",
                "Whisper log-mel, 30 s",
                "Whisper encoder, 30 s clip (median)",
                "Whisper prompt pass (incl. cross-attention K/V)",
                "Whisper decode step, layers (per token)",
                "Whisper output projection, last position (per token)",
                "Whisper native ops per decode step",
                "Whisper decode-step weights read once (a sum per matrix)",
                "Whisper decode-step weights in float16 (GEMV chain)",
                "Whisper decode, 20 tokens with cache (median)",
                "Whisper decode per token",
                "MiniLM embeddings/s, batch 1",
                "MiniLM embeddings/s, batch 32");
        assertThat(report.rows())
                .extracting(BenchmarkReport.Row::measurement)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.rows())
                .allSatisfy(row -> assertThat(row.value()).isPositive().isFinite());
        List<String> bounded = List.of(
                "BLIP vision encoder",
                "BLIP cross-attention K/V over the image",
                "BLIP decode step, layers (per token)",
                "BLIP LM head, last position (per token)",
                "BLIP caption, 640×480, KV cache (median)",
                "Whisper encoder, 30 s clip (median)",
                "Whisper decode step, layers (per token)",
                "Whisper output projection, last position (per token)",
                "Whisper decode per token");
        assertThat(report.rows())
                .filteredOn(row -> bounded.contains(row.measurement()))
                .hasSize(bounded.size())
                .allSatisfy(row -> {
                    assertThat(row.bound()).isPositive().isFinite();
                    assertThat(row.ratio()).isPositive().isFinite();
                });
        String table = report.toMarkdown();
        expected.forEach(name -> assertThat(table).contains("| " + name + " | "));
        assertThat(table).contains("| Bound | × bound |").contains("identical with and without cache");
        assertThat(report.rows())
                .filteredOn(row -> row.measurement().equals("BLIP captions/min, 8 callers, maxBatch 8"))
                .singleElement()
                .satisfies(
                        row -> assertThat(row.comparison())
                                .containsPattern(
                                        "mean batch \\d+\\.\\d, median [\\d.]+ ms from submission to caption, ×\\d+\\.\\d\\d vs maxBatch 1"));
    }

    @Test
    void weightStreamingRowsCompareWithTheFloat32ChainAndSayWhetherParityCouldHold() throws IOException {
        tinyConfigs();
        BenchmarkReport report = ModelBenchmark.run(BenchmarkOptions.parse(
                "--quick", "--stages", "--only=whisper", "--fixtures=" + Fixtures.root(), "--configs=" + configs));

        assertThat(report.rows())
                .filteredOn(row -> row.measurement().contains("float16"))
                .singleElement()
                .satisfies(row -> assertThat(row.comparison())
                        .containsPattern("×\\d+\\.\\d\\d vs float32 \\([\\d.]+ ms\\); one layer's output moves by"
                                + " \\d\\.\\de-\\d+ of its largest value, parity tests allow 1e-04 on logits:"
                                + " (not adopted|a candidate)"));
        assertThat(report.rows())
                .filteredOn(row -> row.measurement().contains("read once"))
                .singleElement()
                .satisfies(row -> assertThat(row.comparison())
                        .containsPattern(
                                "×\\d+\\.\\d\\d vs the float32 GEMV chain \\([\\d.]+ ms\\) that bounds the step"));
    }

    @Test
    void batchingRunsOnlyTheCaptioningThroughputSweep() throws IOException {
        tinyConfigs();
        BenchmarkReport report = ModelBenchmark.run(BenchmarkOptions.parse(
                "--quick", "--batching", "--fixtures=" + Fixtures.root(), "--configs=" + configs));

        assertThat(report.rows())
                .extracting(BenchmarkReport.Row::measurement)
                .hasSize(10)
                .allMatch(m -> m.startsWith("BLIP captions/min, "));
    }

    @Test
    void onlyRunsTheNamedModels() throws IOException {
        tinyConfigs();
        BenchmarkReport report = ModelBenchmark.run(BenchmarkOptions.parse(
                "--quick", "--only=minilm", "--fixtures=" + Fixtures.root(), "--configs=" + configs));

        assertThat(report.rows()).extracting(BenchmarkReport.Row::measurement).allMatch(m -> m.startsWith("MiniLM"));
    }

    @Test
    void unknownArgumentsAndModelsAreRefused() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--only=blip,gpt")).hasMessageContaining("gpt");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--stages", "--batching"))
                .hasMessageContaining("choose one");
        assertThat(BenchmarkOptions.parse().only()).containsExactlyInAnyOrder("blip", "whisper", "minilm");
        assertThat(BenchmarkOptions.parse().measuredRuns()).isEqualTo(3);
    }

    /** blip-tiny and whisper-tiny under the real configurations' names, and MiniLM's configuration shrunk. */
    private void tinyConfigs() throws IOException {
        Files.copy(
                Fixtures.model("blip-tiny").resolve("config.json"),
                configs.resolve("blip-image-captioning-base.config.json"));
        Files.copy(Fixtures.model("whisper-tiny").resolve("config.json"), configs.resolve("whisper-base.config.json"));
        JsonObject bert = JsonParser.parseString(
                        Files.readString(Fixtures.root().resolve("configs/all-MiniLM-L6-v2.config.json")))
                .getAsJsonObject();
        bert.addProperty("hidden_size", 32);
        bert.addProperty("intermediate_size", 64);
        bert.addProperty("num_attention_heads", 4);
        bert.addProperty("num_hidden_layers", 2);
        Files.writeString(configs.resolve("all-MiniLM-L6-v2.config.json"), bert.toString());
    }
}
