package dev.glimpse.ml;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How a model runs: {@code device} is {@code cpu} or {@code gpu}; {@code intraOpThreads} is the number of threads
 * one operation may use (0 leaves the engine's default); {@code decodeThreads} the number while a decoder generates
 * token by token (0: the same as every other operation). A decoding step is hundreds of small operations around
 * matrix-vector products that only stream weights from memory, which one thread already does at memory speed;
 * with more, every operation waits for all its threads, and on a busy machine that wait dominates (measured by
 * {@code dev.glimpse.tools.bench.ModelBenchmark}). That holds for one sequence: a step over several rows (a batch of
 * images, beams) multiplies matrices rather than a vector and gains from every thread, so it keeps the engine's.
 */
public record ModelOptions(String device, int intraOpThreads, int decodeThreads) {

    /** Options that decode with one thread. */
    public ModelOptions(String device, int intraOpThreads) {
        this(device, intraOpThreads, 1);
    }

    public ModelOptions {
        device = device == null ? "cpu" : device.strip().toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("Device must be 'cpu' or 'gpu', not '" + device + "'");
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be ≥ 0, not " + intraOpThreads);
        }
        if (decodeThreads < 0) {
            throw new IllegalArgumentException("decodeThreads must be ≥ 0, not " + decodeThreads);
        }
    }

    /** CPU with the engine's default threading. */
    public static ModelOptions defaults() {
        return new ModelOptions("cpu", 0);
    }

    /**
     * Applies the process-wide engine settings: intra-op threads (when set) and PyTorch's graph-executor optimizer
     * off, since it recompiles TorchScript for every new input shape. Call once before loading models.
     */
    public void applyToEngine() {
        Engine.getEngine("PyTorch");
        if (intraOpThreads > 0) {
            JniUtils.setNumThreads(intraOpThreads);
        }
        JniUtils.setGraphExecutorOptimize(false);
    }

    /**
     * Runs {@code decoding} with {@link #decodeThreads} intra-op threads on the calling thread (PyTorch keeps the
     * count per thread), then restores the thread's previous count. Other threads keep theirs; only a thread that
     * runs its very first operation meanwhile starts with this count (PyTorch seeds new threads from the last one set).
     */
    public <T> T decoding(Supplier<T> decoding) {
        return decoding(1, decoding);
    }

    /**
     * Runs {@code decoding} of {@code rows} sequences at once: one sequence as {@link #decoding(Supplier)}, several
     * with the thread's usual count: a step over several rows gains from every thread, a step over one row does not
     * (measured by {@code bench}).
     */
    public <T> T decoding(int rows, Supplier<T> decoding) {
        if (decodeThreads == 0 || rows > 1 || !device.equals("cpu")) {
            return decoding.get();
        }
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(decodeThreads);
        try {
            return decoding.get();
        } finally {
            JniUtils.setNumThreads(previous);
        }
    }

    /** The DJL device to create model managers on. */
    public Device djlDevice() {
        return device.equals("gpu") ? Device.gpu() : Device.cpu();
    }
}
