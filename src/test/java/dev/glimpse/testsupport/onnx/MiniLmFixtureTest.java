package dev.glimpse.testsupport.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.RawTensor;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MiniLmFixtureTest {

    /**
     * {@code tensors.sha256} lists the SHA-256 of every tensor of the safetensors checkpoint the reference embeddings
     * were recorded with (the one in the shared fixtures), so the weights rebuilt from the ONNX model must be the
     * same bytes, tensor for tensor, under the same names and shapes.
     */
    @Test
    void weightsRebuiltFromTheOnnxModelEqualTheRecordedCheckpointTensorForTensor() throws IOException {
        Path folder = Fixtures.model("all-MiniLM-L6-v2");
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(folder.resolve("tensors.sha256"))) {
            String[] parts = line.split("\\s+");
            expected.put(parts[1] + " " + parts[2], parts[0]);
        }

        Map<String, String> actual = new TreeMap<>();
        try (SafeTensors checkpoint = SafeTensors.open(folder.resolve("model.safetensors"))) {
            for (String name : checkpoint.names()) {
                RawTensor tensor = checkpoint.tensor(name);
                String shape = java.util.Arrays.stream(tensor.shape())
                        .mapToObj(Long::toString)
                        .collect(Collectors.joining("x"));
                actual.put(name + " " + shape, sha256(tensor.data()));
            }
        }

        assertThat(expected).hasSize(101);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void linearWeightsAreTransposedBackToPyTorchsOutputByInputLayout() {
        Map<String, OnnxGraph.Initializer> tensors = MiniLmFixture.tensors();

        assertThat(tensors.get("encoder.layer.0.intermediate.dense.weight").shape())
                .containsExactly(1536, 384);
        assertThat(tensors.get("encoder.layer.5.output.dense.weight").shape()).containsExactly(384, 1536);
        assertThat(tensors).doesNotContainKey("embeddings.position_ids");
        assertThat(tensors.keySet()).noneMatch(name -> name.startsWith("onnx::"));
    }

    private static String sha256(ByteBuffer data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
