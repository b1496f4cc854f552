package dev.glimpse.imaging.heif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A leak guard for the native side of decoding: decoders, packets, frames and scalers are freed on success and on
 * failure, so repeating the same decodes (good files and damaged ones) must not make the process grow. After round
 * 2 the process has reached its working size; round 10 must end within a margin of it.
 */
class HeifNativeMemoryTest {

    private static final int ROUNDS = 10;
    private static final int DECODES_PER_ROUND = 20;
    private static final long MARGIN_BYTES = 48L * 1024 * 1024;

    @Test
    void repeatedDecodesAndRefusalsDoNotGrowTheProcess() throws IOException {
        byte[] grid = HeifFixtures.file("grid-cropped-rotated.heic");
        byte[] avif = HeifFixtures.file("alpha.avif");
        byte[] damaged = grid.clone();
        HeifItem tile = HeifContainer.read(damaged).items().stream()
                .filter(item -> item.type().equals("hvc1"))
                .findFirst()
                .orElseThrow();
        HeifItem.Extent coded = tile.extents().getFirst();
        Arrays.fill(damaged, coded.offset(), coded.offset() + coded.length(), (byte) 0x5A);
        long[] rss = new long[ROUNDS];
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < DECODES_PER_ROUND; i++) {
                assertThat(HeifDecoder.decode(grid, 4096).pixels().getWidth()).isEqualTo(240);
                assertThat(HeifDecoder.decode(avif, 64).pixels().getWidth()).isEqualTo(64);
                try {
                    HeifDecoder.decode(damaged, 4096);
                } catch (HeifDecodingException e) {
                    refused++;
                }
            }
            System.gc();
            rss[round] = residentBytes();
            System.out.printf("round %d: RSS %d MB%n", round + 1, rss[round] >> 20);
        }

        assertThat(refused).as("decodes of a grid with a damaged tile refused").isEqualTo(ROUNDS * DECODES_PER_ROUND);
        assertThat(rss[ROUNDS - 1] - rss[1])
                .as("growth from round 2 to round %d, bytes", ROUNDS)
                .isLessThan(MARGIN_BYTES);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }
}
