package dev.glimpse.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream into a buffer that grows by doubling but never past the limit, giving up as soon as the stream
 * passes the limit or the deadline. Memory stays below twice the limit however much the other side sends.
 */
final class BoundedRead {

    private static final int INITIAL = 64 * 1024;
    private static final int READ_SIZE = 16 * 1024; // small reads: some streams allocate per requested length

    private BoundedRead() {}

    static byte[] readAtMost(InputStream input, long limit, long deadlineNanos) throws IOException {
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        byte[] buffer = new byte[Math.min(max + 1, INITIAL)];
        int total = 0;
        while (true) {
            if (total == buffer.length) {
                if (total > max) {
                    throw new ExampleUnavailableException("image is larger than " + limit + " bytes; download aborted");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) max + 1, buffer.length * 2L));
            }
            int read = input.read(buffer, total, Math.min(READ_SIZE, buffer.length - total));
            if (read == -1) {
                return Arrays.copyOf(buffer, total);
            }
            total += read;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new ExampleUnavailableException("download took too long; aborted");
            }
        }
    }
}
