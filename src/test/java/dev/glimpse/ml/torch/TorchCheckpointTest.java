package dev.glimpse.ml.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.RawTensor;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.ml.TensorType;
import dev.glimpse.ml.checkpoints.Checkpoints;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointTest {

    @Test
    void blipTinyBinLoadsTensorForTensorEqualToItsSafetensorsTwin() {
        assertEqualToTwin(
                "blip-tiny-bin",
                "blip-tiny",
                Map.of(
                        "text_decoder.cls.predictions.decoder.weight",
                        "text_decoder.bert.embeddings.word_embeddings.weight",
                        "text_decoder.cls.predictions.decoder.bias",
                        "text_decoder.cls.predictions.bias"));
    }

    @Test
    void whisperTinyBinLoadsTensorForTensorEqualToItsSafetensorsTwin() {
        assertEqualToTwin(
                "whisper-tiny-bin", "whisper-tiny", Map.of("proj_out.weight", "model.decoder.embed_tokens.weight"));
    }

    @Test
    void tiedTensorsShareOneStorage() {
        try (TorchCheckpoint checkpoint =
                TorchCheckpoint.open(Fixtures.model("whisper-tiny-bin").resolve("pytorch_model.bin"))) {
            RawTensor tied = checkpoint.tensor("proj_out.weight");
            RawTensor embeddings = checkpoint.tensor("model.decoder.embed_tokens.weight");

            assertThat(tied.data().array()).isSameAs(embeddings.data().array());
        }
    }

    @Test
    void checkpointsOpenPicksPytorchModelBinInAFolderWithoutSafetensors() {
        try (Checkpoint checkpoint = Checkpoints.open(Fixtures.model("blip-tiny-bin"))) {
            assertThat(checkpoint).isInstanceOf(TorchCheckpoint.class);
            assertThat(checkpoint.names()).hasSize(93);
        }
    }

    @Test
    void checkpointsOpenFollowsAPytorchShardIndex(@TempDir Path dir) throws IOException {
        Path bin = Fixtures.model("blip-tiny-bin").resolve("pytorch_model.bin");
        Set<String> names;
        try (TorchCheckpoint whole = TorchCheckpoint.open(bin)) {
            names = whole.names();
        }
        Files.copy(bin, dir.resolve("pytorch_model-00001-of-00001.bin"));
        StringBuilder weightMap = new StringBuilder();
        for (String name : names) {
            weightMap
                    .append(weightMap.isEmpty() ? "" : ",")
                    .append('"')
                    .append(name)
                    .append("\":\"pytorch_model-00001-of-00001.bin\"");
        }
        Files.writeString(
                dir.resolve("pytorch_model.bin.index.json"), "{\"metadata\":{},\"weight_map\":{" + weightMap + "}}");

        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint.names()).isEqualTo(names);
            assertThat(checkpoint
                            .tensor("vision_model.embeddings.class_embedding")
                            .shape())
                    .containsExactly(1, 1, 32);
        }
    }

    @Test
    void viewsAtAnOffsetReadTheirOwnElementsOfASharedStorage(@TempDir Path dir) {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .mark()
                .string("first")
                .tensor("FloatStorage", "0", 6, 0, 2)
                .string("rest")
                .tensor("FloatStorage", "0", 6, 2, 2, 2)
                .op('u')
                .op('.')
                .bytes();
        Path file = PickleBytes.archive(
                dir.resolve("views.bin"), pickle, Map.of("0", PickleBytes.floats(1, 2, 3, 4, 5, 6)));

        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(file)) {
            assertThat(checkpoint.tensor("first").toFloats()).containsExactly(1, 2);
            assertThat(checkpoint.tensor("rest").shape()).containsExactly(2, 2);
            assertThat(checkpoint.tensor("rest").toFloats()).containsExactly(3, 4, 5, 6);
        }
    }

    @Test
    void halfBfloat16AndLongStoragesKeepTheirTypes(@TempDir Path dir) {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .mark()
                .string("half")
                .tensor("HalfStorage", "0", 2, 0, 2)
                .string("bf16")
                .tensor("BFloat16Storage", "1", 2, 0, 2)
                .string("ids")
                .tensor("LongStorage", "2", 1, 0, 1)
                .op('u')
                .op('.')
                .bytes();
        byte[] half = {0x00, 0x3C, 0x00, (byte) 0xC0}; // 1.0, -2.0
        byte[] bf16 = {(byte) 0x80, 0x3F, 0x40, 0x40}; // 1.0, 3.0
        byte[] ids = {42, 0, 0, 0, 0, 0, 0, 0};
        Path file = PickleBytes.archive(dir.resolve("types.bin"), pickle, Map.of("0", half, "1", bf16, "2", ids));

        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(file)) {
            assertThat(checkpoint.tensor("half").type()).isEqualTo(TensorType.F16);
            assertThat(checkpoint.tensor("half").toFloats()).containsExactly(1f, -2f);
            assertThat(checkpoint.tensor("bf16").type()).isEqualTo(TensorType.BF16);
            assertThat(checkpoint.tensor("bf16").toFloats()).containsExactly(1f, 3f);
            assertThat(checkpoint.tensor("ids").toLongs()).containsExactly(42L);
        }
    }

    @Test
    void parametersRebuiltThroughRebuildParameterAreTensors(@TempDir Path dir) {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("weight")
                .global("torch._utils", "_rebuild_parameter")
                .mark()
                .tensor("FloatStorage", "0", 2, 0, 2)
                .op(0x88)
                .global("collections", "OrderedDict")
                .op(')')
                .op('R')
                .tuple()
                .op('R')
                .op('s')
                .op('.')
                .bytes();
        Path file = PickleBytes.archive(dir.resolve("param.bin"), pickle, Map.of("0", PickleBytes.floats(7, 8)));

        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(file)) {
            assertThat(checkpoint.tensor("weight").toFloats()).containsExactly(7, 8);
        }
    }

    @Test
    void orderedDictWithMetadataAttributesAsOlderTorchSavedItLoads(@TempDir Path dir) {
        byte[] pickle = PickleBytes.protocol2()
                .global("collections", "OrderedDict")
                .op(')')
                .op('R')
                .mark()
                .string("bias")
                .tensor("FloatStorage", "0", 2, 0, 2)
                .op('u')
                // state {'_metadata': OrderedDict({'': {'version': 1}})} applied with BUILD
                .op('}')
                .string("_metadata")
                .global("collections", "OrderedDict")
                .op(')')
                .op('R')
                .string("")
                .op('}')
                .string("version")
                .integer(1)
                .op('s')
                .op('s')
                .op('s')
                .op('b')
                .op('.')
                .bytes();
        Path file = PickleBytes.archive(dir.resolve("ordered.bin"), pickle, Map.of("0", PickleBytes.floats(5, 6)));

        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(file)) {
            assertThat(checkpoint.names()).containsExactly("bias");
            assertThat(checkpoint.tensor("bias").toFloats()).containsExactly(5, 6);
        }
    }

    private static void assertEqualToTwin(String binModel, String safetensorsModel, Map<String, String> tied) {
        try (Checkpoint bin = TorchCheckpoint.open(Fixtures.model(binModel).resolve("pytorch_model.bin"));
                Checkpoint twin =
                        SafeTensors.open(Fixtures.model(safetensorsModel).resolve("model.safetensors"))) {
            Set<String> expectedNames = new HashSet<>(twin.names());
            expectedNames.addAll(tied.keySet());
            assertThat(bin.names()).containsExactlyInAnyOrderElementsOf(expectedNames);
            for (String name : bin.names()) {
                RawTensor actual = bin.tensor(name);
                RawTensor expected = twin.tensor(tied.getOrDefault(name, name));
                assertThat(actual.type()).as(name).isEqualTo(expected.type());
                assertThat(actual.shape()).as(name).isEqualTo(expected.shape());
                assertThat(actual.data()).as(name).isEqualTo(expected.data());
            }
        }
    }
}
