package dev.glimpse.tools.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Measures the native models at full size in one run and prints a Markdown table: every stage of a BLIP-base
 * caption and a Whisper-base voice query with the bound the hardware allows for it, measured in the same run right
 * after it (see {@link Bounds}), and the ratio; native operations per decoding step; BLIP-base caption latency with
 * and without the key/value cache, Whisper-base encoder and 20-token decode time, MiniLM embeddings per second at
 * batch 1 and 32, and BLIP throughput at 1 to 8 concurrent callers and every largest micro-batch. Models are built
 * from {@code <fixtures>/configs/*.config.json} with random weights; tokenizers and pre-processing come from the
 * tiny fixture models. From a built jar:
 *
 * <pre>java -jar target/glimpse-*.jar bench
 *     [--quick] [--stages | --batching] [--only=blip,whisper,minilm] [--fixtures=src/test/fixtures] [--configs=DIR]</pre>
 */
public final class ModelBenchmark {

    private ModelBenchmark() {}

    /** Runs the benchmark the options describe and prints its report; returns the exit code (2: bad options). */
    public static int runFromCommandLine(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println(run(options).toMarkdown());
        return 0;
    }

    static BenchmarkReport run(BenchmarkOptions options) {
        double loadAtStart = systemLoad();
        BenchmarkReport report = new BenchmarkReport("Glimpse model benchmark");
        report.note(String.format(
                Locale.ROOT,
                "%d CPU cores visible, Java %s, %s, %s run (%d measured run(s) after one warm-up; stage breakdowns:"
                        + " medians of %d runs, each run followed at once by its bounds, ratio = median of the"
                        + " runs' ratios)",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                System.getProperty("os.arch"),
                options.quick() ? "quick" : "full",
                options.measuredRuns(),
                options.stageRuns()));
        report.note("Random weights; configurations from " + options.configs());
        if (options.only().contains("blip")) {
            new CaptionBenchmark(options, report).run();
        }
        if (options.only().contains("whisper") && !options.batchingOnly()) {
            new SpeechBenchmark(options, report).run();
        }
        if (options.only().contains("minilm") && !options.batchingOnly()) {
            new EmbeddingBenchmark(options, report).run();
        }
        report.note(String.format(
                Locale.ROOT,
                "System load average %.1f at the start, %.1f at the end (figures are only meaningful when it stays"
                        + " below the core count)",
                loadAtStart,
                systemLoad()));
        return report;
    }

    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
