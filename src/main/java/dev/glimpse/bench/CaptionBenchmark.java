package dev.glimpse.bench;

import ai.djl.engine.Engine;
import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.ml.InferenceExecutor;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * BLIP captioning at full size with random weights: latency for one 640×480 image with and without the key/value
 * cache (same seed, so the same weights and caption), and throughput of four concurrent callers through an
 * {@link InferenceExecutor} with micro-batching (maxBatch 4) and without (maxBatch 1).
 */
final class CaptionBenchmark {

    static final int CALLERS = 4;
    private static final int WEIGHT_SEED = 1234;

    private final BenchmarkOptions options;
    private final BenchmarkReport report;
    private final List<BufferedImage> images = new ArrayList<>();

    CaptionBenchmark(BenchmarkOptions options, BenchmarkReport report) {
        this.options = options;
        this.report = report;
        for (int i = 0; i < CALLERS; i++) {
            images.add(BenchImages.image(640, 480, i));
        }
    }

    void run() {
        String captionCached;
        BenchmarkReport.Row cached;
        try (BlipCaptioner captioner = load(true)) {
            Progress.say("BLIP: latency with the key/value cache");
            captionCached = captioner.caption(List.of(images.get(0))).get(0); // also the warm-up
            cached = report.add("BLIP caption, 640×480, KV cache (median)", latency(captioner), "ms");
            throughput(captioner);
        }
        try (BlipCaptioner captioner = load(false)) {
            Progress.say("BLIP: latency without the cache");
            String captionUncached = captioner.caption(List.of(images.get(0))).get(0); // also the warm-up
            report.addCompared("BLIP caption, 640×480, no cache (median)", latency(captioner), "ms", cached);
            report.note("BLIP caption (" + words(captionCached) + " words) "
                    + (captionCached.equals(captionUncached) ? "identical" : "DIFFERENT") + " with and without cache");
        }
    }

    private BlipCaptioner load(boolean kvCache) {
        Progress.say("BLIP: building random weights (kvCache=" + kvCache + ")");
        Engine.getEngine("PyTorch").setRandomSeed(WEIGHT_SEED);
        CaptionOptions captionOptions =
                CaptionOptions.defaults().withMaxNewTokens(20).withKvCache(kvCache);
        return BlipCaptioner.withRandomWeights(
                options.config("blip-image-captioning-base"), options.fixtureModel("blip-tiny"), captionOptions);
    }

    /** The median time of one caption; the caller has already warmed the captioner up. */
    private double latency(BlipCaptioner captioner) {
        return Timings.medianMillis(0, options.measuredRuns(), () -> captioner.caption(List.of(images.get(0))));
    }

    private void throughput(BlipCaptioner captioner) {
        int perCaller = options.quick() ? 1 : 2;
        Progress.say("BLIP: " + CALLERS + " concurrent callers, maxBatch 1");
        BenchmarkReport.Row single = report.add(
                "BLIP captions/min, 4 callers, maxBatch 1", perMinute(captioner, 1, perCaller), "images/min");
        Progress.say("BLIP: " + CALLERS + " concurrent callers, maxBatch 4");
        report.addCompared(
                "BLIP captions/min, 4 callers, maxBatch 4", perMinute(captioner, 4, perCaller), "images/min", single);
    }

    /** Images per minute when {@link #CALLERS} threads each caption {@code perCaller} images one after another. */
    private double perMinute(BlipCaptioner captioner, int maxBatch, int perCaller) {
        try (InferenceExecutor<BufferedImage, String> executor = InferenceExecutor.<BufferedImage, String>builder(
                        "bench-caption", captioner::caption)
                .maxBatch(maxBatch)
                .maxDelay(Duration.ofMillis(10))
                .build()) {
            callers(executor, 1); // warm-up at this batch size
            long start = System.nanoTime();
            callers(executor, perCaller);
            double minutes = (System.nanoTime() - start) / 60e9;
            return CALLERS * perCaller / minutes;
        }
    }

    private void callers(InferenceExecutor<BufferedImage, String> executor, int perCaller) {
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            BufferedImage image = images.get(c);
            callers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < perCaller; i++) {
                            executor.submit(image).join();
                        }
                    },
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
    }

    private static int words(String caption) {
        return caption.isBlank() ? 0 : caption.strip().split("\\s+").length;
    }
}
