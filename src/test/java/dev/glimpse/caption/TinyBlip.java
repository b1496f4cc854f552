package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.Weights;
import dev.glimpse.ml.checkpoints.Checkpoints;
import dev.glimpse.testsupport.Fixtures;
import java.nio.file.Path;

/** The blip-tiny fixture's networks on a manager of their own, for tests of the model classes. */
final class TinyBlip implements AutoCloseable {

    static final Path DIR = Fixtures.model("blip-tiny");

    final NDManager manager = NDManager.newBaseManager("PyTorch");
    final BlipConfig config = BlipConfig.read(DIR.resolve("config.json"));
    final BlipVisionModel vision;
    final BlipTextDecoder decoder;

    TinyBlip() {
        try (Checkpoint checkpoint = Checkpoints.open(DIR)) {
            Weights weights = Weights.load(checkpoint, manager);
            vision = new BlipVisionModel(weights.at("vision_model."), config.vision());
            decoder = new BlipTextDecoder(weights.at("text_decoder."), config.text());
        }
    }

    static double maxAbsDifference(NDArray actual, float[] expected) {
        float[] values = actual.toFloatArray();
        if (values.length != expected.length) {
            throw new AssertionError("Length " + values.length + " != expected " + expected.length);
        }
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            max = Math.max(max, Math.abs(values[i] - expected[i]));
        }
        return max;
    }

    @Override
    public void close() {
        manager.close();
    }
}
