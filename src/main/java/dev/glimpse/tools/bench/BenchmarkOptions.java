package dev.glimpse.tools.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line options of {@link ModelBenchmark}: {@code --quick} (one measured run each, fewer images),
 * {@code --stages} (the stage breakdown with its bounds and the whole request only: no uncached or throughput runs),
 * {@code --batching} (BLIP's captioning throughput at 1 to 8 callers and every largest batch only),
 * {@code --only=blip,whisper,minilm}, {@code --fixtures=DIR} (default: system property {@code glimpse.fixtures},
 * else {@code src/test/fixtures}) and {@code --configs=DIR} (default: {@code <fixtures>/configs}).
 */
record BenchmarkOptions(
        boolean quick, boolean stagesOnly, boolean batchingOnly, Set<String> only, Path fixtures, Path configs) {

    static final Set<String> MODELS = Set.of("blip", "whisper", "minilm");

    static final String USAGE =
            "usage: ModelBenchmark [--quick] [--stages | --batching] [--only=blip,whisper,minilm] [--fixtures=DIR]"
                    + " [--configs=DIR]";

    static BenchmarkOptions parse(String... args) {
        boolean quick = false;
        boolean stagesOnly = false;
        boolean batchingOnly = false;
        Set<String> only = new LinkedHashSet<>(MODELS);
        Path fixtures = Path.of(System.getProperty("glimpse.fixtures", "src/test/fixtures"));
        Path configs = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--stages")) {
                stagesOnly = true;
            } else if (arg.equals("--batching")) {
                batchingOnly = true;
            } else if (arg.startsWith("--only=")) {
                only = models(arg.substring("--only=".length()));
            } else if (arg.startsWith("--fixtures=")) {
                fixtures = Path.of(arg.substring("--fixtures=".length()));
            } else if (arg.startsWith("--configs=")) {
                configs = Path.of(arg.substring("--configs=".length()));
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        if (stagesOnly && batchingOnly) {
            throw new IllegalArgumentException("--stages and --batching each run one part; choose one\n" + USAGE);
        }
        return new BenchmarkOptions(
                quick,
                stagesOnly,
                batchingOnly,
                only,
                fixtures,
                configs != null ? configs : fixtures.resolve("configs"));
    }

    private static Set<String> models(String list) {
        Set<String> models = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String model = name.strip().toLowerCase(Locale.ROOT);
            if (!MODELS.contains(model)) {
                throw new IllegalArgumentException(
                        "Unknown model '" + name + "' in --only; choose from " + Arrays.toString(MODELS.toArray()));
            }
            models.add(model);
        }
        return models;
    }

    int measuredRuns() {
        return quick ? 1 : 3;
    }

    /** Runs of a stage breakdown, each measured next to its bounds. */
    int stageRuns() {
        return quick ? 1 : 5;
    }

    Path config(String name) {
        return configs.resolve(name + ".config.json");
    }

    Path fixtureModel(String name) {
        return fixtures.resolve("models").resolve(name);
    }
}
