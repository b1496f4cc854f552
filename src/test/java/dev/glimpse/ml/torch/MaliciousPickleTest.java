package dev.glimpse.ml.torch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaliciousPickleTest {

    @TempDir
    Path dir;

    private void assertRefused(byte[] pickle, Map<String, byte[]> storages, String message) {
        Path file = PickleBytes.archive(dir.resolve("evil.bin"), pickle, storages);
        assertThatThrownBy(() -> TorchCheckpoint.open(file).close())
                .isInstanceOf(UnsafeCheckpointException.class)
                .hasMessageContaining(message);
    }

    @Test
    void osSystemGlobalIsRefusedByName() {
        byte[] pickle = PickleBytes.protocol2()
                .global("os", "system")
                .string("touch /tmp/pwned")
                .op(0x85)
                .op('R')
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "the global os.system");
    }

    @Test
    void builtinsEvalHiddenBehindAnAllowedLookingModuleIsRefused() {
        byte[] pickle =
                PickleBytes.protocol2().global("torch._utils", "eval").op('.').bytes();

        assertRefused(pickle, Map.of(), "the global torch._utils.eval");
    }

    @Test
    void unknownOpcodeIsRefusedWithItsCode() {
        byte[] pickle = PickleBytes.protocol2().op('}').op('i').op('.').bytes(); // INST

        assertRefused(pickle, Map.of(), "unsupported pickle opcode 0x69 ('i') at byte 3");
    }

    @Test
    void listOpcodesAreRefused() {
        byte[] pickle = PickleBytes.protocol2().op(']').op('.').bytes(); // EMPTY_LIST

        assertRefused(pickle, Map.of(), "unsupported pickle opcode 0x5d (']')");
    }

    @Test
    void deeplyNestedMarksAreRefused() {
        PickleBytes pickle = PickleBytes.protocol2();
        for (int i = 0; i < 100_000; i++) {
            pickle.mark();
        }
        for (int i = 0; i < 100_000; i++) {
            pickle.op('l'); // LIST
        }

        assertRefused(pickle.op('.').bytes(), Map.of(), "nesting deeper than 32 levels");
    }

    @Test
    void deeplyNestedTuplesAreRefused() {
        PickleBytes pickle = PickleBytes.protocol2().op(')');
        for (int i = 0; i < 100_000; i++) {
            pickle.op(0x85); // TUPLE1
        }

        assertRefused(pickle.op('.').bytes(), Map.of(), "nesting deeper than 32 levels");
    }

    @Test
    void storageDeclaringATrillionElementsIsRefusedBeforeAllocating() {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("huge")
                .tensor("FloatStorage", "0", 1_000_000_000_000L, 0, 1_000_000_000_000L)
                .op('s')
                .op('.')
                .bytes();

        assertRefused(
                pickle,
                Map.of("0", PickleBytes.floats(1, 2, 3, 4)),
                "storage data/0 declares 1000000000000 F32 elements but the archive entry holds 16 bytes");
    }

    @Test
    void storageOffsetPastTheEntryIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("shifted")
                .tensor("FloatStorage", "0", 4, 100, 4)
                .op('s')
                .op('.')
                .bytes();

        assertRefused(
                pickle,
                Map.of("0", PickleBytes.floats(1, 2, 3, 4)),
                "a tensor of 4 elements at offset 100 of storage data/0, which holds only 4 elements");
    }

    @Test
    void storageKeyEscapingTheDataFolderIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("w")
                .tensor("FloatStorage", "../../etc/passwd", 1, 0, 1)
                .op('s')
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "a storage key '../../etc/passwd' that is not a plain name");
    }

    @Test
    void memoIndexBeyondTheLimitIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .op('r')
                .op(0xFF)
                .op(0xFF)
                .op(0xFF)
                .op(0x7F)
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "memo index 2147483647 beyond the limit");
    }

    @Test
    void stringLongerThanThePickleIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .op('X')
                .op(0xFF)
                .op(0xFF)
                .op(0xFF)
                .op(0x0F)
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "past the end of the pickle");
    }

    @Test
    void anythingButAStateDictOfTensorsIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("x")
                .integer(1)
                .op('s')
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "the state dict maps the string 'x' to a Long");
    }

    @Test
    void compressedEntryExpandingPastTheArchiveIsRefusedBeforeReading() {
        byte[] zeros = new byte[4 << 20];
        byte[] pickle = PickleBytes.protocol2()
                .op('}')
                .string("w")
                .tensor("FloatStorage", "0", zeros.length / 4, 0, zeros.length / 4)
                .op('s')
                .op('.')
                .bytes();
        Path file = PickleBytes.archive(dir.resolve("bomb.bin"), pickle, Map.of("0", zeros), ZipEntry.DEFLATED);

        assertThatThrownBy(() -> TorchCheckpoint.open(file).close())
                .isInstanceOf(UnsafeCheckpointException.class)
                .hasMessageContaining(
                        "archive entry data/0 would expand to 4194304 bytes, more than the whole archive");
    }

    @Test
    void buildOnAnythingButADictIsRefused() {
        byte[] pickle = PickleBytes.protocol2()
                .global("torch", "FloatStorage")
                .op('}')
                .op('b')
                .op('.')
                .bytes();

        assertRefused(pickle, Map.of(), "BUILD of the global torch.FloatStorage");
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWithTheReason() throws IOException {
        Path legacy = Files.write(
                dir.resolve("legacy.bin"),
                PickleBytes.protocol2().op('}').op('.').bytes());

        assertThatThrownBy(() -> TorchCheckpoint.open(legacy))
                .isInstanceOf(UnsafeCheckpointException.class)
                .hasMessageContaining("is not a zip archive");
    }
}
