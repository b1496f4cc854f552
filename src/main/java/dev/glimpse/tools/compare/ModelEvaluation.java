package dev.glimpse.tools.compare;

import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.ml.hub.ModelPrefetch;
import dev.glimpse.serving.InferenceExecutor;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Measures one captioning model: loads it (timed), captions the first image {@code warmUp} times unmeasured, then
 * every image alone (timed one by one), then all images again through an {@link InferenceExecutor} with
 * micro-batching ({@code batch} at most per call) for images per minute; memory is sampled throughout.
 */
final class ModelEvaluation {

    /** An image and its file name. */
    record NamedImage(String file, BufferedImage image) {}

    private final CaptionOptions captionOptions;
    private final int warmUp;
    private final int batch;
    private final PrintStream progress;

    ModelEvaluation(CaptionOptions captionOptions, int warmUp, int batch, PrintStream progress) {
        this.captionOptions = captionOptions;
        this.warmUp = warmUp;
        this.batch = batch;
        this.progress = progress;
    }

    ModelResult evaluate(String id, Path folder, List<NamedImage> images, Map<String, List<String>> references) {
        System.gc();
        try (MemorySampler memory = new MemorySampler()) {
            long start = System.nanoTime();
            List<ModelResult.ImageCaption> captions;
            double loadSeconds;
            double imagesPerMinute;
            try (BlipCaptioner captioner = BlipCaptioner.load(folder, captionOptions)) {
                loadSeconds = (System.nanoTime() - start) / 1e9;
                for (int i = 0; i < warmUp; i++) {
                    captioner.caption(List.of(images.get(0).image()));
                }
                captions = captionOneByOne(id, captioner, images, references);
                imagesPerMinute = batched(captioner, images);
            }
            memory.close();
            double[] millis = captions.stream()
                    .mapToDouble(ModelResult.ImageCaption::millis)
                    .toArray();
            return new ModelResult(
                    id,
                    folder.toString(),
                    loadSeconds,
                    ModelPrefetch.sizeOf(folder),
                    memory.peakHeapBytes(),
                    memory.peakRssBytes(),
                    percentile(millis, 50),
                    percentile(millis, 90),
                    batch,
                    imagesPerMinute,
                    scores(captions),
                    captions);
        }
    }

    private List<ModelResult.ImageCaption> captionOneByOne(
            String id, BlipCaptioner captioner, List<NamedImage> images, Map<String, List<String>> references) {
        ProgressBar bar = new ProgressBar(progress, id, images.size());
        List<ModelResult.ImageCaption> captions = new ArrayList<>();
        for (NamedImage image : images) {
            bar.show(captions.size(), image.file());
            long start = System.nanoTime();
            String caption = captioner.caption(List.of(image.image())).get(0);
            double millis = (System.nanoTime() - start) / 1e6;
            captions.add(new ModelResult.ImageCaption(
                    image.file(), caption, millis, references.getOrDefault(image.file(), List.of())));
        }
        bar.show(captions.size(), "done");
        return captions;
    }

    /** Images per minute when every image is submitted at once to an executor that batches up to {@code batch}. */
    private double batched(BlipCaptioner captioner, List<NamedImage> images) {
        ProgressBar bar = new ProgressBar(progress, "  batched ×" + batch, images.size());
        try (InferenceExecutor<BufferedImage, String> executor = InferenceExecutor.<BufferedImage, String>builder(
                        "compare", captioner::caption)
                .maxBatch(batch)
                .maxDelay(Duration.ofMillis(10))
                .queueCapacity(Math.max(1, images.size()))
                .build()) {
            long start = System.nanoTime();
            int[] done = {0};
            List<CompletableFuture<String>> futures = images.stream()
                    .map(image -> executor.submit(image.image()).whenComplete((caption, error) -> {
                        synchronized (done) {
                            bar.show(++done[0], "");
                        }
                    }))
                    .toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            return images.size() / ((System.nanoTime() - start) / 60e9);
        }
    }

    private static ModelResult.@Nullable Scores scores(List<ModelResult.ImageCaption> captions) {
        List<ModelResult.ImageCaption> scored =
                captions.stream().filter(c -> !c.references().isEmpty()).toList();
        if (scored.isEmpty()) {
            return null;
        }
        List<String> hypotheses =
                scored.stream().map(ModelResult.ImageCaption::caption).toList();
        List<List<String>> references =
                scored.stream().map(ModelResult.ImageCaption::references).toList();
        return new ModelResult.Scores(
                scored.size(),
                Bleu.corpus(hypotheses, references).bleu(),
                RougeL.corpus(hypotheses, references),
                WordErrorRate.corpus(hypotheses, references));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
