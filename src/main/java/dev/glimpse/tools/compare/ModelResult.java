package dev.glimpse.tools.compare;

import java.util.List;

/**
 * What one model did: load time, size of its folder, peak memory (heap; resident set, -1 when unknown), per-image
 * caption time after warm-up (median and 90th percentile), throughput with micro-batching, the captions, and the
 * scores against the references (null without references).
 */
record ModelResult(
        String id,
        String folder,
        double loadSeconds,
        long sizeBytes,
        long peakHeapBytes,
        long peakRssBytes,
        double medianMillis,
        double p90Millis,
        int batch,
        double imagesPerMinute,
        Scores scores,
        List<ImageCaption> images) {

    /** One image's caption, the time it took alone, and its references (empty when none). */
    record ImageCaption(String file, String caption, double millis, List<String> references) {}

    /** Corpus scores over the images that have references, each 0–100 (WER may exceed 100). */
    record Scores(int images, double bleu4, double rougeL, double wer) {}
}
