package dev.glimpse.tools.bench;

import dev.glimpse.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** MiniLM at full size with random weights: sentences embedded per second one at a time and in batches of 32. */
final class EmbeddingBenchmark {

    static final int BATCH = 32;
    private static final String[] WORDS = {
        "a",
        "dog",
        "red",
        "car",
        "parked",
        "near",
        "the",
        "sea",
        "two",
        "people",
        "walking",
        "on",
        "beach",
        "with",
        "plate",
        "of",
        "pasta",
        "tomato",
        "sauce",
        "cat",
        "sleeping",
        "sofa",
        "city",
        "street",
        "at",
        "night"
    };

    private final BenchmarkOptions options;
    private final BenchmarkReport report;

    EmbeddingBenchmark(BenchmarkOptions options, BenchmarkReport report) {
        this.options = options;
        this.report = report;
    }

    void run() {
        try (TempFolder folder = new TempFolder("glimpse-bench-minilm")) {
            Progress.say("MiniLM: writing a random checkpoint");
            RandomCheckpoint.write(
                    options.config("all-MiniLM-L6-v2"),
                    options.fixtureModel("all-MiniLM-L6-v2"),
                    RandomCheckpoint.COMPANION_FILES,
                    folder.path());
            try (SentenceEmbedder embedder = SentenceEmbedder.load(folder.path())) {
                measure(embedder);
            }
        }
    }

    private void measure(SentenceEmbedder embedder) {
        Progress.say("MiniLM: embeddings per second");
        List<String> sentences = sentences(BATCH);
        int singles = options.quick() ? 8 : 32;
        int batches = options.quick() ? 1 : 3;
        double singleMillis = Timings.medianMillis(1, 1, () -> {
            for (String sentence : sentences.subList(0, singles)) {
                embedder.embed(sentence);
            }
        });
        BenchmarkReport.Row single =
                report.add("MiniLM embeddings/s, batch 1", singles * 1000 / singleMillis, "sentences/s");
        double batchMillis = Timings.medianMillis(1, batches, () -> embedder.embed(sentences));
        report.addCompared("MiniLM embeddings/s, batch 32", BATCH * 1000 / batchMillis, "sentences/s", single);
    }

    /** {@code count} caption-like sentences of 6 to 12 words. */
    static List<String> sentences(int count) {
        SplittableRandom random = new SplittableRandom(3);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sentence = new StringBuilder();
            int length = random.nextInt(6, 13);
            for (int w = 0; w < length; w++) {
                sentence.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            sentences.add(sentence.toString());
        }
        return sentences;
    }
}
