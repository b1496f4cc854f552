package dev.glimpse.caption;

/**
 * The stages {@link BlipCaptioner#caption(java.util.List, dev.glimpse.ml.StageTimings)} reports, in the order a
 * caption runs them, and the figure it counts.
 */
public final class CaptionStages {

    /** Images to pixel values (resize, rescale, normalise), every image of the call. */
    public static final String PREPROCESS = "image pre-processing";

    /** The vision encoder over the batch, waited for. */
    public static final String VISION = "vision encoder";

    /** Every decoder layer's cross-attention keys and values over the image (with the key/value cache only). */
    public static final String CROSS_KV = "cross-attention keys/values";

    /** The decoder's first pass, over the start token, language-model head included. */
    public static final String PROMPT = "prompt pass";

    /** The decoder layers of each later step. */
    public static final String STEP = "decode step layers";

    /** The language-model head of each later step: logits of the last position, copied out. */
    public static final String HEAD = "language-model head";

    /** Token ids to text, every caption of the call. */
    public static final String POSTPROCESS = "post-processing";

    /** Figure: the native arrays (each one native operation called through JNI) one later step created. */
    public static final String STEP_ARRAYS = "native arrays per step";

    private CaptionStages() {}
}
