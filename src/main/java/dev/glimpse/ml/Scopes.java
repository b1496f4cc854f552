package dev.glimpse.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Keeps a forward pass's memory to one step at a time. An NDArray lives until its manager closes, so a pass that
 * runs all its layers on the caller's manager holds every intermediate (attention scores included) until the whole
 * call ends: for Whisper's encoder over a 30 s window that is over a gigabyte. Running each layer or decoding step
 * on a temporary sub-manager frees its intermediates as soon as it returns.
 */
public final class Scopes {

    private Scopes() {}

    /**
     * Runs {@code step} with its intermediate arrays on a temporary manager, so that only its result stays on the
     * input's manager; the input itself is lent to the step and returned to its manager.
     */
    public static NDArray scoped(NDArray input, UnaryOperator<NDArray> step) {
        NDManager owner = input.getManager();
        try (NDManager scope = owner.newSubManager()) {
            input.tempAttach(scope);
            NDArray output = step.apply(input);
            output.attach(owner);
            return output;
        }
    }

    /**
     * Runs {@code input} through {@code layers} in order, each layer on its own temporary manager ({@link #scoped}),
     * closing each hidden state once the next one exists. Takes ownership of {@code input}: it is closed too (unless
     * there are no layers, when it is returned as it is).
     */
    public static <L> NDArray throughLayers(NDArray input, List<L> layers, BiFunction<L, NDArray, NDArray> forward) {
        NDArray hidden = input;
        for (L layer : layers) {
            NDArray previous = hidden;
            hidden = scoped(hidden, state -> forward.apply(layer, state));
            previous.close();
        }
        return hidden;
    }

    /**
     * An encoder's stack: {@link #throughLayers}, then {@code finalNorm} over the last hidden state, which is closed.
     * Takes ownership of {@code input}.
     */
    public static <L> NDArray throughLayers(
            NDArray input, List<L> layers, BiFunction<L, NDArray, NDArray> forward, LayerNorm finalNorm) {
        NDArray hidden = throughLayers(input, layers, forward);
        NDArray output = finalNorm.forward(hidden);
        hidden.close();
        return output;
    }

    /**
     * Runs one decoding step on a temporary manager with {@code cache} lent to it (operations whose first operand is
     * a cached array put their result on the array's manager), then gives the cache back to {@code owner}: the
     * step's intermediates are freed, the grown cache is kept.
     */
    public static <T> T step(NDManager owner, KvCache cache, Function<NDManager, T> step) {
        try (NDManager scope = owner.newSubManager()) {
            cache.attach(scope);
            try {
                return step.apply(scope);
            } finally {
                cache.attach(owner);
            }
        }
    }
}
