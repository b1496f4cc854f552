package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.StageTimings;
import dev.glimpse.ml.generation.DecoderSession;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What every BLIP decoder session shares: the text decoder, one row of image embeddings per sequence (kept in step
 * with {@link #keepRows}), a manager for the session's arrays, closed with it, and where the passes report their
 * {@link CaptionStages}: the first pass as the prompt, each later one as its layers and its head.
 */
abstract class ImageConditionedSession implements DecoderSession {

    protected final BlipTextDecoder decoder;
    protected final NDManager manager;
    protected final StageTimings timings;
    protected NDArray imageEmbeds;
    private boolean prompted;

    ImageConditionedSession(BlipTextDecoder decoder, NDArray imageEmbeds, StageTimings timings) {
        this.decoder = decoder;
        this.manager = imageEmbeds.getManager().newSubManager();
        this.imageEmbeds = imageEmbeds;
        this.timings = timings;
    }

    /**
     * Each row's logits [rows][vocab] at the last of {@code ids} ([rows, t] int64, on the step's manager), fed after
     * {@code pastLength} positions ({@code cache}: their keys and values, null to attend to {@code ids} only).
     */
    protected float[][] lastLogits(NDArray ids, long pastLength, @Nullable KvCache cache) {
        long start = timings.start();
        NDArray hidden = decoder.hidden(ids, pastLength, imageEmbeds, cache);
        long layersDone = timings.start();
        float[][] logits = Rows.of(decoder.lastPositionLogits(hidden));
        if (timings.enabled()) {
            long headDone = System.nanoTime();
            if (prompted) {
                timings.record(CaptionStages.STEP, layersDone - start);
                timings.record(CaptionStages.HEAD, headDone - layersDone);
                timings.count(
                        CaptionStages.STEP_ARRAYS,
                        ids.getManager().getManagedArrays().size());
            } else {
                timings.record(CaptionStages.PROMPT, headDone - start);
            }
        }
        prompted = true;
        return logits;
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
