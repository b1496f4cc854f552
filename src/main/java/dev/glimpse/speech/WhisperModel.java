package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.ModelOptions;
import dev.glimpse.ml.Weights;
import dev.glimpse.ml.checkpoints.Checkpoints;
import java.nio.file.Path;

/**
 * A Whisper checkpoint's network ({@code WhisperForConditionalGeneration}): encoder, decoder and output
 * projection, with the weights on the {@link NDManager} this class owns. Callers run requests on child
 * managers of {@link #manager()}.
 */
final class WhisperModel implements AutoCloseable {

    private final NDManager manager;
    private final WhisperConfig config;
    private final WhisperEncoder encoder;
    private final WhisperDecoder decoder;

    private WhisperModel(NDManager manager, WhisperConfig config, Weights weights) {
        this.manager = manager;
        this.config = config;
        this.encoder = new WhisperEncoder(weights.at("model.encoder."), config);
        NDArray projection = weights.getOrTied("proj_out.weight", "model.decoder.embed_tokens.weight");
        this.decoder = new WhisperDecoder(weights.at("model.decoder."), projection, config);
    }

    static WhisperModel load(Path modelDir, ModelOptions options) {
        WhisperConfig config = WhisperConfig.load(modelDir);
        options.applyToEngine();
        NDManager manager = NDManager.newBaseManager(options.djlDevice(), "PyTorch");
        try (Checkpoint checkpoint = Checkpoints.open(modelDir)) {
            return new WhisperModel(manager, config, Weights.load(checkpoint, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model over weights already in memory (built in code, for example); it takes over their manager. */
    static WhisperModel of(WhisperConfig config, Weights weights) {
        return new WhisperModel(weights.manager(), config, weights);
    }

    NDManager manager() {
        return manager;
    }

    WhisperConfig config() {
        return config;
    }

    WhisperEncoder encoder() {
        return encoder;
    }

    WhisperDecoder decoder() {
        return decoder;
    }

    @Override
    public void close() {
        manager.close();
    }
}
