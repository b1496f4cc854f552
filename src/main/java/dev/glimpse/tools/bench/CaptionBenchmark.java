package dev.glimpse.tools.bench;

import ai.djl.engine.Engine;
import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.BlipWork;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.caption.CaptionStages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * BLIP captioning at full size with random weights: latency for one 640×480 image with and without the key/value
 * cache (same seed, so the same weights and caption), every stage against its bound, and throughput with
 * micro-batching at 1 to 8 concurrent callers ({@link CaptionThroughput}).
 */
final class CaptionBenchmark {

    private static final int IMAGES = 4;
    static final int TOKENS = 20;
    private static final int WEIGHT_SEED = 1234;

    private final BenchmarkOptions options;
    private final BenchmarkReport report;
    private final List<BufferedImage> images = new ArrayList<>();

    CaptionBenchmark(BenchmarkOptions options, BenchmarkReport report) {
        this.options = options;
        this.report = report;
        for (int i = 0; i < IMAGES; i++) {
            images.add(BenchImages.image(640, 480, i));
        }
    }

    void run() {
        String captionCached;
        BenchmarkReport.Row cached;
        try (BlipCaptioner captioner = load(true)) {
            Progress.say("BLIP: latency with the key/value cache");
            captionCached = captioner.caption(List.of(images.get(0))).get(0); // also the warm-up
            if (options.batchingOnly()) {
                new CaptionThroughput(captioner, images, report, options.quick()).run();
                return;
            }
            cached = breakdown(captioner);
            if (options.stagesOnly()) {
                return;
            }
            new CaptionThroughput(captioner, images, report, options.quick()).run();
        }
        try (BlipCaptioner captioner = load(false)) {
            Progress.say("BLIP: latency without the cache");
            String captionUncached = captioner.caption(List.of(images.get(0))).get(0); // also the warm-up
            report.addCompared("BLIP caption, 640×480, no cache (median)", latency(captioner), "ms", cached);
            report.note("BLIP caption (" + words(captionCached) + " words) "
                    + (captionCached.equals(captionUncached) ? "identical" : "DIFFERENT") + " with and without cache");
        }
    }

    /**
     * Times every stage of one caption as the captioner reports it ({@link CaptionStages}) and the whole caption, each
     * run followed at once by its bounds (the sum of the stage bounds for the whole caption), and adds the rows;
     * returns the whole caption's row.
     */
    private BenchmarkReport.Row breakdown(BlipCaptioner captioner) {
        Progress.say("BLIP: stage breakdown");
        Timings.settle();
        BlipWork work = BlipWork.of(captioner);
        BufferedImage image = images.get(0);
        List<RecordedStages> times = new ArrayList<>();
        Samples vision = new Samples();
        Samples crossKv = new Samples();
        Samples step = new Samples();
        Samples head = new Samples();
        Samples whole = new Samples();
        double gflops;
        try (Bounds.Gemm visionBound = new Bounds.Gemm(work.visionFlops(), work.imageTokens(), work.visionWidth());
                Bounds.Gemm crossBound = new Bounds.Gemm(work.crossKvFlops(), work.imageTokens(), work.visionWidth());
                Bounds.GemvChain stepBound = new Bounds.GemvChain(work.stepWeights());
                Bounds.GemvChain headBound = new Bounds.GemvChain(work.headWeights())) {
            captioner.caption(List.of(image), new RecordedStages()); // warm-up
            for (int i = 0; i < options.stageRuns(); i++) {
                RecordedStages t = new RecordedStages();
                captioner.caption(List.of(image), t);
                times.add(t);
                double v = visionBound.millis();
                double c = crossBound.millis();
                double s = stepBound.millis();
                double h = headBound.millis();
                vision.add(t.millis(CaptionStages.VISION), v);
                crossKv.add(t.millis(CaptionStages.CROSS_KV), c);
                step.add(t.medianMillis(CaptionStages.STEP), s);
                head.add(t.medianMillis(CaptionStages.HEAD), h);
                long start = System.nanoTime();
                captioner.caption(List.of(image));
                whole.add((System.nanoTime() - start) / 1e6, v + c + TOKENS * (s + h));
            }
            gflops = visionBound.gflops(vision.bound());
        }
        report.add("BLIP image pre-processing, 640×480", median(times, t -> t.millis(CaptionStages.PREPROCESS)), "ms");
        report.addBounded(
                "BLIP vision encoder",
                vision,
                "ms",
                Bounds.gemmBound(work.visionFlops(), work.imageTokens(), work.visionWidth(), gflops));
        report.addBounded(
                "BLIP cross-attention K/V over the image",
                crossKv,
                "ms",
                String.format(Locale.ROOT, "bound: %.1f GFLOP, same GEMM", work.crossKvFlops() / 1e9));
        report.addBounded("BLIP decode step, layers (per token)", step, "ms", Bounds.stepBound(work.stepWeights()));
        report.addBounded(
                "BLIP LM head, last position (per token)",
                head,
                "ms",
                String.format(
                        Locale.ROOT,
                        "bound: GEMV chain over the head's weights (%.0f MB)",
                        Bounds.megabytes(work.headWeights())));
        report.add("BLIP post-processing (ids to text)", median(times, t -> t.millis(CaptionStages.POSTPROCESS)), "ms");
        report.add(
                "BLIP native ops per decode step",
                median(times, t -> t.figure(CaptionStages.STEP_ARRAYS)),
                "arrays created (JNI calls)");
        WeightStreaming.report(report, "BLIP", work.stepWeights(), options.stageRuns());
        return report.addBounded(
                "BLIP caption, 640×480, KV cache (median)",
                whole,
                "ms",
                "bound: sum of the stage bounds, " + TOKENS + " tokens (pre/post-processing not included)");
    }

    private static double median(List<RecordedStages> times, ToDoubleFunction<RecordedStages> field) {
        return Timings.median(times.stream().mapToDouble(field).toArray());
    }

    private BlipCaptioner load(boolean kvCache) {
        Progress.say("BLIP: building random weights (kvCache=" + kvCache + ")");
        Engine.getEngine("PyTorch").setRandomSeed(WEIGHT_SEED);
        CaptionOptions captionOptions =
                CaptionOptions.defaults().withMaxNewTokens(TOKENS).withKvCache(kvCache);
        return BlipCaptioner.withRandomWeights(
                options.config("blip-image-captioning-base"), options.fixtureModel("blip-tiny"), captionOptions);
    }

    /** The median time of one caption; the caller has already warmed the captioner up. */
    private double latency(BlipCaptioner captioner) {
        return Timings.medianMillis(0, options.measuredRuns(), () -> captioner.caption(List.of(images.get(0))));
    }

    private static int words(String caption) {
        return caption.isBlank() ? 0 : caption.strip().split("\\s+").length;
    }
}
