package dev.glimpse.tools.bench;

import dev.glimpse.ml.RandomWeights.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes a safetensors file of float32 tensors filled with Gaussian random values, streaming them in chunks so that
 * a checkpoint of a gigabyte never sits in memory. Layout: 8-byte little-endian header length, JSON header with
 * {@code dtype}, {@code shape} and {@code data_offsets} per tensor, then the tensors' bytes in header order.
 */
final class SafeTensorsWriter {

    private static final int CHUNK_FLOATS = 1 << 18;

    private SafeTensorsWriter() {}

    /** Writes {@code tensors} to {@code file} with values from a generator seeded with {@code seed}. */
    static void write(Path file, List<Tensor> tensors, long seed) {
        byte[] header = header(tensors).getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(seed);
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
            prefix.putLong(header.length).put(header).flip();
            writeFully(channel, prefix);
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor tensor : tensors) {
                writeValues(channel, chunk, tensor, random);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String header(List<Tensor> tensors) {
        long offset = 0;
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        for (Tensor tensor : tensors) {
            long end = offset + tensor.elements() * Float.BYTES;
            json.append(",\"")
                    .append(tensor.name())
                    .append("\":{\"dtype\":\"F32\",\"shape\":")
                    .append(Arrays.stream(tensor.shape())
                            .mapToObj(Long::toString)
                            .collect(Collectors.joining(",", "[", "]")))
                    .append(",\"data_offsets\":[")
                    .append(offset)
                    .append(',')
                    .append(end)
                    .append("]}");
            offset = end;
        }
        return json.append('}').toString();
    }

    private static void writeValues(FileChannel channel, ByteBuffer chunk, Tensor tensor, SplittableRandom random)
            throws IOException {
        long left = tensor.elements();
        while (left > 0) {
            int n = (int) Math.min(left, CHUNK_FLOATS);
            chunk.clear();
            for (int i = 0; i < n; i++) {
                chunk.putFloat((float) (tensor.mean() + tensor.std() * random.nextGaussian()));
            }
            chunk.flip();
            writeFully(channel, chunk);
            left -= n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
