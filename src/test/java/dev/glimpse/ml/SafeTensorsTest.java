package dev.glimpse.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.glimpse.ml.checkpoints.Checkpoints;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryDtypeBackWithShapeAndValues() {
        Path file = new SafeTensorsFiles()
                .f32("a.weight", new long[] {2, 3}, 1f, -2.5f, 3.25f, 0f, 1e-7f, -1e6f)
                .f16("b", new long[] {3}, 0.5f, -1.25f, 65504f)
                .bf16("c", new long[] {2}, 1.5f, -256f)
                .i64("ids", new long[] {1, 2}, 7L, -3_000_000_000L)
                .f32("scalar", new long[] {}, 42f)
                .write(dir.resolve("model.safetensors"));
        try (SafeTensors st = SafeTensors.open(file)) {
            assertThat(st.names()).containsExactly("a.weight", "b", "c", "ids", "scalar");
            RawTensor a = st.tensor("a.weight");
            assertThat(a.type()).isEqualTo(TensorType.F32);
            assertThat(a.shape()).containsExactly(2, 3);
            assertThat(a.toFloats()).containsExactly(1f, -2.5f, 3.25f, 0f, 1e-7f, -1e6f);
            a.data().getFloat();
            assertThat(a.data().remaining()).isEqualTo(24);
            assertThat(a.toFloats()).hasSize(6);
            assertThat(st.tensor("b").toFloats()).containsExactly(0.5f, -1.25f, 65504f);
            assertThat(st.tensor("c").type()).isEqualTo(TensorType.BF16);
            assertThat(st.tensor("c").toFloats()).containsExactly(1.5f, -256f);
            assertThat(st.tensor("ids").toLongs()).containsExactly(7L, -3_000_000_000L);
            assertThat(st.tensor("scalar").shape()).isEmpty();
            assertThat(st.tensor("scalar").toFloats()).containsExactly(42f);
        }
    }

    @Test
    void weightsLoadFloatsAsFloat32AndLongsAsInt64() {
        Path file = new SafeTensorsFiles()
                .f16("layer.w", new long[] {2, 2}, 1f, 2f, 3f, 4f)
                .i64("layer.pos", new long[] {3}, 0, 1, 2)
                .write(dir.resolve("model.safetensors"));
        try (NDManager manager = NDManager.newBaseManager();
                Checkpoint checkpoint = Checkpoints.open(dir)) {
            Weights weights = Weights.load(checkpoint, manager).at("layer.");
            NDArray w = weights.get("w");
            assertThat(w.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(w.getShape().getShape()).containsExactly(2, 2);
            assertThat(w.toFloatArray()).containsExactly(1f, 2f, 3f, 4f);
            assertThat(weights.get("pos").getDataType()).isEqualTo(DataType.INT64);
            assertThat(weights.has("w")).isTrue();
            assertThat(weights.find("missing")).isEmpty();
            assertThat(weights.names()).containsExactly("pos", "w");
            assertThatThrownBy(() -> weights.at("sub.").get("bias"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'layer.sub.bias'");
        }
    }

    @Test
    void anAbsentTiedTensorResolvesToTheTensorItIsTiedTo() {
        Path file = new SafeTensorsFiles()
                .f32("text.embeddings.word.weight", new long[] {2, 1}, 1f, 2f)
                .f32("text.head.bias", new long[] {2}, 0f, 0f)
                .write(dir.resolve("model.safetensors"));
        try (NDManager manager = NDManager.newBaseManager();
                Checkpoint checkpoint = Checkpoints.open(dir)) {
            Weights text = Weights.load(checkpoint, manager).at("text.");
            assertThat(text.getOrTied("head.weight", "embeddings.word.weight"))
                    .isSameAs(text.get("embeddings.word.weight"));
            assertThat(text.getOrTied("head.bias", "embeddings.word.weight")).isSameAs(text.get("head.bias"));
            assertThatThrownBy(() -> text.getOrTied("head.weight", "missing"))
                    .hasMessageContaining("'text.head.weight'")
                    .hasMessageContaining("'text.missing'");
        }
    }

    @Test
    void tensorsOfUnsupportedDtypeAreRefusedByNameWhenUsed() {
        Path file = new SafeTensorsFiles()
                .add("mask", "BOOL", new long[] {2}, new byte[] {1, 0})
                .f32("w", new long[] {1}, 1f)
                .write(dir.resolve("model.safetensors"));
        try (NDManager manager = NDManager.newBaseManager();
                SafeTensors st = SafeTensors.open(file)) {
            assertThatThrownBy(() -> st.tensor("mask"))
                    .hasMessageContaining("mask")
                    .hasMessageContaining("BOOL");
            Weights weights = Weights.load(st, manager);
            assertThat(weights.get("w").toFloatArray()).containsExactly(1f);
            assertThatThrownBy(() -> weights.get("mask")).hasMessageContaining("BOOL");
        }
    }

    @Test
    void refusesAHeaderLengthLargerThanTheFile() {
        byte[] bytes = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(1_000_000)
                .array();
        Path file = SafeTensorsFiles.writeBytes(dir.resolve("x.safetensors"), bytes);
        assertThatThrownBy(() -> SafeTensors.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header length 1000000");
    }

    @Test
    void refusesAFileShorterThanTheLengthField() {
        Path file = SafeTensorsFiles.writeBytes(dir.resolve("x.safetensors"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafeTensors.open(file)).hasMessageContaining("fewer than the 8-byte");
    }

    @Test
    void refusesAHeaderThatIsNotJson() {
        Path file = new SafeTensorsFiles()
                .f32("w", new long[] {1}, 1f)
                .write(dir.resolve("x.safetensors"), "{not json at all");
        assertThatThrownBy(() -> SafeTensors.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesOffsetsPastTheEndOfTheData() {
        Path file = new SafeTensorsFiles()
                .f32("w", new long[] {2}, 1f, 2f)
                .write(
                        dir.resolve("x.safetensors"),
                        "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}");
        assertThatThrownBy(() -> SafeTensors.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'")
                .hasMessageContaining("outside the 8 data bytes");
    }

    @Test
    void refusesAByteRangeThatDoesNotMatchTheShape() {
        Path file = new SafeTensorsFiles()
                .f32("w", new long[] {2}, 1f, 2f)
                .write(
                        dir.resolve("x.safetensors"),
                        "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}");
        assertThatThrownBy(() -> SafeTensors.open(file)).hasMessageContaining("3 elements spans 8 bytes");
    }

    @Test
    void refusesNegativeOrMissingFields() {
        Path negative = new SafeTensorsFiles()
                .f32("w", new long[] {2}, 1f, 2f)
                .write(
                        dir.resolve("neg.safetensors"),
                        "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}");
        assertThatThrownBy(() -> SafeTensors.open(negative)).hasMessageContaining("invalid shape");
        Path missing = new SafeTensorsFiles()
                .f32("w", new long[] {2}, 1f, 2f)
                .write(dir.resolve("miss.safetensors"), "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}");
        assertThatThrownBy(() -> SafeTensors.open(missing)).hasMessageContaining("data_offsets");
    }

    @Test
    void shardedIndexJoinsTheShards() throws Exception {
        new SafeTensorsFiles().f32("a", new long[] {1}, 1f).write(dir.resolve("model-00001-of-00002.safetensors"));
        new SafeTensorsFiles().bf16("b", new long[] {1}, 2f).write(dir.resolve("model-00002-of-00002.safetensors"));
        Files.writeString(
                dir.resolve("model.safetensors.index.json"),
                "{\"metadata\":{},\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\","
                        + "\"b\":\"model-00002-of-00002.safetensors\"}}",
                StandardCharsets.UTF_8);
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint.names()).containsExactlyInAnyOrder("a", "b");
            assertThat(checkpoint.tensor("b").toFloats()).containsExactly(2f);
            assertThatThrownBy(() -> checkpoint.tensor("c")).hasMessageContaining("'c'");
        }
    }

    @Test
    void folderWithoutWeightsSaysWhatItExpected() {
        assertThatThrownBy(() -> Checkpoints.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void tensorsCannotBeReadAfterClose() {
        Path file = new SafeTensorsFiles().f32("w", new long[] {1}, 1f).write(dir.resolve("x.safetensors"));
        SafeTensors st = SafeTensors.open(file);
        RawTensor w = st.tensor("w");
        st.close();
        assertThatThrownBy(w::toFloats).isInstanceOf(IllegalStateException.class);
    }
}
