package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import dev.glimpse.ml.Activations;
import dev.glimpse.ml.Linear;
import dev.glimpse.ml.Weights;

/** The position-wise feed-forward block of a Whisper layer: {@code fc2(gelu(fc1(x)))}. */
final class WhisperFeedForward {

    private final Linear fc1;
    private final Linear fc2;

    WhisperFeedForward(Weights layer) {
        this.fc1 = new Linear(layer.at("fc1."));
        this.fc2 = new Linear(layer.at("fc2."));
    }

    /** The inner width ({@code fc1}'s output features). */
    int innerSize() {
        return (int) fc1.outFeatures();
    }

    NDArray forward(NDArray x) {
        return fc2.forward(Activations.gelu(fc1.forward(x)));
    }
}
