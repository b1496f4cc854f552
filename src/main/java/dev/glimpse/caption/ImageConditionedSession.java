package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.generation.DecoderSession;
import java.util.Arrays;

/**
 * What every BLIP decoder session shares: the text decoder, one row of image embeddings per sequence (kept in step
 * with {@link #keepRows}), and a manager for the session's arrays, closed with it.
 */
abstract class ImageConditionedSession implements DecoderSession {

    protected final BlipTextDecoder decoder;
    protected final NDManager manager;
    protected NDArray imageEmbeds;

    ImageConditionedSession(BlipTextDecoder decoder, NDArray imageEmbeds) {
        this.decoder = decoder;
        this.manager = imageEmbeds.getManager().newSubManager();
        this.imageEmbeds = imageEmbeds;
    }

    @Override
    public void keepRows(int[] rows) {
        NDArray indices = manager.create(Arrays.stream(rows).asLongStream().toArray());
        keepRows(rows, indices);
        imageEmbeds = imageEmbeds.get(indices);
        imageEmbeds.attach(manager);
        indices.close();
    }

    /** Keeps the session's own per-row state for {@code rows} (int64 {@code indices} on the session's manager). */
    protected abstract void keepRows(int[] rows, NDArray indices);

    @Override
    public void close() {
        manager.close();
    }
}
