package dev.glimpse.tools.bench;

import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.serving.InferenceExecutor;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Captioning throughput with micro-batching: 1, 2, 4 and 8 concurrent callers, each submitting images one after
 * another through an {@link InferenceExecutor} as the pipeline does, at every largest batch from 1 up to the caller
 * count (a larger one could never fill). Each row gives images per minute, the mean batch the executor actually
 * formed, the median time from submission to caption, and the gain over batches of one at the same callers: what
 * {@code glimpse.caption.executor.max-batch} should be on this machine.
 */
final class CaptionThroughput {

    static final int[] CALLERS = {1, 2, 4, 8};
    static final int[] MAX_BATCHES = {1, 2, 4, 8};
    private static final Duration MAX_DELAY = Duration.ofMillis(10);

    private final BlipCaptioner captioner;
    private final List<BufferedImage> images;
    private final BenchmarkReport report;
    private final boolean quick;

    CaptionThroughput(BlipCaptioner captioner, List<BufferedImage> images, BenchmarkReport report, boolean quick) {
        this.captioner = captioner;
        this.images = images;
        this.report = report;
        this.quick = quick;
    }

    void run() {
        for (int callers : CALLERS) {
            BenchmarkReport.Row single = null;
            for (int maxBatch : MAX_BATCHES) {
                if (maxBatch > callers) {
                    break;
                }
                Progress.say("BLIP: " + callers + " concurrent callers, maxBatch " + maxBatch);
                Result result = measure(callers, maxBatch);
                String name = "BLIP captions/min, " + callers + " caller" + (callers > 1 ? "s" : "") + ", maxBatch "
                        + maxBatch;
                String comparison = String.format(
                        Locale.ROOT,
                        "mean batch %.1f, median %s ms from submission to caption%s",
                        result.meanBatch(),
                        BenchmarkReport.format(result.medianMillis()),
                        single == null
                                ? ""
                                : String.format(
                                        Locale.ROOT, ", ×%.2f vs maxBatch 1", result.perMinute() / single.value()));
                BenchmarkReport.Row row = report.add(name, result.perMinute(), "images/min", comparison);
                if (single == null) {
                    single = row;
                }
            }
        }
    }

    private record Result(double perMinute, double meanBatch, double medianMillis) {}

    private Result measure(int callers, int maxBatch) {
        int perCaller = quick ? 1 : 2;
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger batched = new AtomicInteger();
        ConcurrentLinkedQueue<Double> waits = new ConcurrentLinkedQueue<>();
        InferenceExecutor.Listener listener = new InferenceExecutor.Listener() {
            @Override
            public void batchRan(int size, long nanos, boolean failed) {
                batches.incrementAndGet();
                batched.addAndGet(size);
            }

            @Override
            public void answered(long nanos, boolean failed) {
                waits.add(nanos / 1e6);
            }
        };
        try (InferenceExecutor<BufferedImage, String> executor = InferenceExecutor.<BufferedImage, String>builder(
                        "bench-caption", captioner::caption)
                .maxBatch(maxBatch)
                .maxDelay(MAX_DELAY)
                .queueCapacity(Math.max(64, callers))
                .listener(listener)
                .build()) {
            if (!quick) {
                callers(executor, callers, 1); // warm-up at this batch size
            }
            batches.set(0);
            batched.set(0);
            waits.clear();
            long start = System.nanoTime();
            callers(executor, callers, perCaller);
            double minutes = (System.nanoTime() - start) / 60e9;
            double[] answered = waits.stream().mapToDouble(Double::doubleValue).toArray();
            return new Result(
                    callers * perCaller / minutes, batched.get() / (double) batches.get(), Timings.median(answered));
        }
    }

    private void callers(InferenceExecutor<BufferedImage, String> executor, int callers, int perCaller) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            BufferedImage image = images.get(c % images.size());
            running.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < perCaller; i++) {
                            executor.submit(image).join();
                        }
                    },
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }
}
