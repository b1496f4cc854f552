package dev.glimpse.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.ml.RandomWeights;
import dev.glimpse.ml.RawTensor;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.testsupport.Fixtures;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void writtenTensorsReadBackWithTheirShapesAndInitializerStatistics() {
        Path file = dir.resolve("model.safetensors");
        SafeTensorsWriter.write(
                file,
                List.of(
                        new RandomWeights.Tensor("w", new long[] {300, 1000}, 0, 0.02f),
                        new RandomWeights.Tensor("norm", new long[] {7}, 1, 0.02f)),
                42);

        try (SafeTensors tensors = SafeTensors.open(file)) {
            assertThat(tensors.names()).containsExactlyInAnyOrder("w", "norm");
            RawTensor w = tensors.tensor("w");
            assertThat(w.shape()).containsExactly(300, 1000);
            float[] values = floats(w);
            double mean = 0;
            double square = 0;
            for (float v : values) {
                mean += v;
                square += v * v;
            }
            mean /= values.length;
            double std = Math.sqrt(square / values.length - mean * mean);
            assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(std).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-3));
            for (float v : floats(tensors.tensor("norm"))) {
                assertThat(v).isBetween(0.9f, 1.1f);
            }
        }
    }

    @Test
    void whisperCheckpointHasTheFixtureCheckpointsTensorNamesAndShapes() throws Exception {
        Path whisper = Fixtures.model("whisper-tiny");
        Path target = RandomCheckpoint.write(
                whisper.resolve("config.json"), whisper, List.of("tokenizer.json", "missing.json"), dir.resolve("w"));

        assertSameLayout(whisper.resolve("model.safetensors"), target.resolve("model.safetensors"));
        assertThat(Files.exists(target.resolve("tokenizer.json"))).isTrue();
        assertThat(Files.exists(target.resolve("config.json"))).isTrue();
    }

    @Test
    void bertCheckpointHasMiniLmsTensorNamesAndShapes() {
        Path minilm = Fixtures.model("all-MiniLM-L6-v2");
        Path target = RandomCheckpoint.write(minilm.resolve("config.json"), minilm, List.of(), dir.resolve("b"));

        assertSameLayout(minilm.resolve("model.safetensors"), target.resolve("model.safetensors"));
    }

    @Test
    void blipCheckpointHasTheFixtureCheckpointsTensorNamesAndShapesAndCaptions() throws Exception {
        Path blip = Fixtures.model("blip-tiny");
        Path target = RandomCheckpoint.write(
                blip.resolve("config.json"), blip, RandomCheckpoint.COMPANION_FILES, dir.resolve("c"));

        assertSameLayout(blip.resolve("model.safetensors"), target.resolve("model.safetensors"));
        try (BlipCaptioner captioner = BlipCaptioner.load(target, CaptionOptions.defaults())) {
            assertThat(captioner.caption(List.of(BenchImages.image(64, 48, 1)))).hasSize(1);
        }
    }

    private static void assertSameLayout(Path expectedFile, Path actualFile) {
        try (SafeTensors expected = SafeTensors.open(expectedFile);
                SafeTensors actual = SafeTensors.open(actualFile)) {
            Set<String> names = expected.names();
            assertThat(actual.names()).containsExactlyInAnyOrderElementsOf(names);
            for (String name : names) {
                assertThat(actual.tensor(name).shape())
                        .as(name)
                        .containsExactly(expected.tensor(name).shape());
            }
        }
    }

    private static float[] floats(RawTensor tensor) {
        FloatBuffer buffer =
                tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
