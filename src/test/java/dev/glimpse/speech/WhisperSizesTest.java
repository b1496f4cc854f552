package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.RandomWeights;
import dev.glimpse.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Nothing is tied to the tiny fixture's sizes: real configurations and 128 mel bins run with random weights. */
class WhisperSizesTest {

    @Test
    void realWhisperTinyConfigurationRunsEncoderAndCachedDecoder() throws Exception {
        Path configs = Fixtures.root().resolve("configs");
        Path folder = Files.createTempDirectory("whisper-tiny-config");
        try {
            Files.copy(configs.resolve("whisper-tiny.config.json"), folder.resolve(WhisperConfig.FILE));
            WhisperConfig config = WhisperConfig.load(folder);
            JsonObject json = JsonParser.parseString(Files.readString(folder.resolve(WhisperConfig.FILE)))
                    .getAsJsonObject();
            int ffn = json.get("encoder_ffn_dim").getAsInt();

            runAndCheckShapes(config, ffn, json.get("decoder_ffn_dim").getAsInt());
        } finally {
            Files.deleteIfExists(folder.resolve(WhisperConfig.FILE));
            Files.delete(folder);
        }
    }

    @Test
    void hundredTwentyEightMelBinsAndOddHeadCountsWork() {
        runAndCheckShapes(new WhisperConfig(48, 1, 6, 1, 3, 128, 1500, 32, 300), 96, 64);
    }

    private static void runAndCheckShapes(WhisperConfig config, int encoderFfn, int decoderFfn) {
        NDManager manager = NDManager.newBaseManager("PyTorch");
        try (WhisperModel model = WhisperModel.of(
                        config,
                        RandomWhisperWeights.layout(new RandomWeights(0.05f, 1, 0.1f), config, encoderFfn, decoderFfn)
                                .create(manager));
                NDManager call = model.manager().newSubManager()) {
            NDArray features = call.randomNormal(new Shape(1, config.melBins(), config.inputFrames()));

            NDArray encoded = model.encoder().forward(features);
            KvCache cache = new KvCache(config.decoderLayers());
            float[] first = model.decoder().nextTokenLogits(call, new int[] {1, 2, 3}, encoded, cache);
            float[] second = model.decoder().nextTokenLogits(call, new int[] {4}, encoded, cache);

            assertThat(encoded.getShape()).isEqualTo(new Shape(1, config.maxSourcePositions(), config.dModel()));
            assertThat(first).hasSize(config.vocabSize());
            assertThat(second).hasSize(config.vocabSize());
            assertThat(cache.length()).isEqualTo(4);
        }
    }
}
