package dev.glimpse.ml;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Locale;

/**
 * How a model runs: {@code device} is {@code cpu} or {@code gpu}; {@code intraOpThreads} is the number of threads
 * one operation may use (0 leaves the engine's default).
 */
public record ModelOptions(String device, int intraOpThreads) {

    public ModelOptions {
        device = device == null ? "cpu" : device.strip().toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("Device must be 'cpu' or 'gpu', not '" + device + "'");
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be ≥ 0, not " + intraOpThreads);
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

    /** The DJL device to create model managers on. */
    public Device djlDevice() {
        return device.equals("gpu") ? Device.gpu() : Device.cpu();
    }
}
