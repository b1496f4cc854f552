package dev.glimpse.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeifRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = {"single-rotated.heic", "grid-cropped-rotated.heic", "rotated.avif", "alpha.avif"})
    void aFileCutShortAnywhereIsRefusedAsDamaged(String name) {
        byte[] file = HeifFixtures.file(name);
        int refused = 0;
        for (int length = 16; length < file.length; length += Math.max(7, file.length / 150)) {
            byte[] truncated = Arrays.copyOf(file, length);
            assertThatThrownBy(() -> HeifDecoder.decode(truncated, 4096))
                    .as("cut at %d of %d bytes", length, file.length)
                    .isInstanceOf(HeifDecodingException.class)
                    .hasMessageStartingWith("is damaged or incomplete");
            refused++;
        }
        System.out.printf("%s: %d truncations refused%n", name, refused);
    }

    @Test
    void garbageAfterAHeifHeaderIsRefusedAsDamaged() {
        byte[] file = HeifFixtures.file("single-rotated.heic");
        byte[] garbage = new byte[4000];
        new Random(29).nextBytes(garbage);
        System.arraycopy(file, 0, garbage, 0, 28); // the ftyp box only

        assertThatThrownBy(() -> HeifDecoder.decode(garbage, 4096))
                .isInstanceOf(HeifDecodingException.class)
                .hasMessageStartingWith("is damaged or incomplete");
    }

    @Test
    void codedDataThatIsNotAPictureIsRefusedAsDamaged() {
        byte[] file = HeifFixtures.file("single-rotated.heic");
        HeifItem primary = HeifContainer.read(file).primary();
        HeifItem.Extent coded = primary.extents().getFirst();
        Arrays.fill(file, coded.offset(), coded.offset() + coded.length(), (byte) 0xA5);

        assertThatThrownBy(() -> HeifDecoder.decode(file, 4096))
                .isInstanceOf(HeifDecodingException.class)
                .hasMessageStartingWith("is damaged or incomplete");
    }

    @Test
    void randomDamageEitherDecodesOrIsRefusedNeverCrashes() {
        byte[] original = HeifFixtures.file("grid-cropped-rotated.heic");
        Random random = new Random(2029);
        int decoded = 0;
        int refused = 0;
        for (int round = 0; round < 150; round++) {
            byte[] damaged = original.clone();
            for (int flip = 0; flip < 4; flip++) {
                damaged[28 + random.nextInt(damaged.length - 28)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                assertThat(HeifDecoder.decode(damaged, 4096).pixels().getWidth())
                        .isPositive();
                decoded++;
            } catch (HeifDecodingException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            }
        }
        System.out.printf("damaged grids: %d decoded, %d refused%n", decoded, refused);
    }

    @Test
    void otherFilesAreRefusedAsNotHeif() {
        assertThatThrownBy(() -> HeifDecoder.decode(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 100))
                .isInstanceOf(HeifDecodingException.class)
                .hasMessage("is not a HEIC or AVIF image");
        assertThatThrownBy(() -> HeifDecoder.probe(new byte[0]))
                .isInstanceOf(HeifDecodingException.class)
                .hasMessage("is not a HEIC or AVIF image");
    }
}
