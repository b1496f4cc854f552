package dev.glimpse.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.glimpse.ml.RawTensor;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.ml.SafeTensorsFiles;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints laid out as transformers saves them from other classes load the same model. */
class CheckpointVariantsTest {

    private static final Path MODEL = Fixtures.model("all-MiniLM-L6-v2");
    private static final List<String> TEXTS = List.of("a cat sleeping on the sofa", "a lighthouse on a rocky coast");

    @TempDir
    Path copy;

    @Test
    void taskModelPrefixAndStoredPositionIdsGiveTheSameEmbeddings() throws IOException {
        SafeTensorsFiles files = rewrite(name -> "bert." + name, null);
        long[] positions = new long[512];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        files.i64("bert.embeddings.position_ids", new long[] {1, 512}, positions);
        files.write(copy.resolve("model.safetensors"));

        float[][] expected;
        try (SentenceEmbedder original = SentenceEmbedder.load(MODEL)) {
            expected = original.embed(TEXTS);
        }
        try (SentenceEmbedder prefixed = SentenceEmbedder.load(copy)) {
            float[][] actual = prefixed.embed(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(actual[i]).containsExactly(expected[i], within(1e-6f));
            }
        }
    }

    @Test
    void aMissingTensorIsNamedInFull() throws IOException {
        rewrite(name -> "bert." + name, "encoder.layer.3.output.dense.weight").write(copy.resolve("model.safetensors"));
        assertThatThrownBy(() -> SentenceEmbedder.load(copy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bert.encoder.layer.3.output.dense.weight'");
    }

    /** Copies the model's side files and returns its tensors renamed, without {@code drop}. */
    private SafeTensorsFiles rewrite(UnaryOperator<String> rename, String drop) throws IOException {
        for (String file :
                List.of("config.json", "tokenizer.json", "pooling_config.json", "sentence_bert_config.json")) {
            Files.copy(MODEL.resolve(file), copy.resolve(file));
        }
        SafeTensorsFiles files = new SafeTensorsFiles();
        try (SafeTensors original = SafeTensors.open(MODEL.resolve("model.safetensors"))) {
            for (String name : original.names()) {
                if (name.equals(drop)) {
                    continue;
                }
                RawTensor tensor = original.tensor(name);
                ByteBuffer data = tensor.data();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                files.add(rename.apply(name), tensor.type().name(), tensor.shape(), bytes);
            }
        }
        return files;
    }
}
