package dev.glimpse.testsupport;

import dev.glimpse.testsupport.onnx.MiniLmFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the test fixtures the repository carries ({@code src/test/fixtures}, see its README). The system property
 * {@code glimpse.fixtures} or the environment variable {@code GLIMPSE_FIXTURES} point elsewhere. The real MiniLM
 * weights are not committed: they are rebuilt from a Maven Central artifact on first use ({@link MiniLmFixture}).
 */
public final class Fixtures {

    private Fixtures() {}

    public static Path root() {
        String configured = System.getProperty("glimpse.fixtures", System.getenv("GLIMPSE_FIXTURES"));
        Path root = configured != null ? Path.of(configured) : Path.of("src/test/fixtures");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Test fixtures not found at " + root.toAbsolutePath()
                    + "; set -Dglimpse.fixtures or GLIMPSE_FIXTURES");
        }
        Path absolute = root.toAbsolutePath().normalize();
        MiniLmFixture.ensure(absolute);
        return absolute;
    }

    public static Path model(String name) {
        return root().resolve("models").resolve(name);
    }

    public static Path media(String name) {
        return root().resolve("media").resolve(name);
    }

    /** Reads a raw little-endian float32 file as written by the reference scripts. */
    public static float[] readF32(Path file) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
