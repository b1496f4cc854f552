package dev.glimpse.tools.bench;

import dev.glimpse.importing.FolderImporter;
import dev.glimpse.importing.ImportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * {@code import-bench}: generates a folder of photos of realistic sizes ({@link BenchPhotos}), imports it into a fresh
 * library exactly as {@code import FOLDER} does (in this process, so its resident memory is sampled throughout), then
 * starts the server on that library with the given caption model and measures the time until every image is
 * captioned. Prints files stored per second, RSS first/middle/last/max during the import, and the captioning time.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    /** The options of one run, from {@code --name=value} arguments. */
    record Options(
            int count,
            int threads,
            long seed,
            Path heicFrom,
            Path fixtures,
            Path captionModel,
            boolean captions,
            @Nullable Path dir) {

        static Options parse(String[] args) {
            int count = 10_000;
            int threads = Runtime.getRuntime().availableProcessors();
            long seed = 1;
            Path heicFrom = Path.of("src/test/resources/imaging/heif");
            Path fixtures = Path.of("src/test/fixtures");
            @Nullable Path captionModel = null;
            boolean captions = true;
            @Nullable Path dir = null;
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--count=")) {
                    count = Integer.parseInt(value.replace("_", "").replace(",", ""));
                } else if (arg.startsWith("--threads=")) {
                    threads = Integer.parseInt(value);
                } else if (arg.startsWith("--seed=")) {
                    seed = Long.parseLong(value);
                } else if (arg.startsWith("--heic-from=")) {
                    heicFrom = Path.of(value);
                } else if (arg.startsWith("--fixtures=")) {
                    fixtures = Path.of(value);
                } else if (arg.startsWith("--caption-model=")) {
                    captionModel = Path.of(value);
                } else if (arg.equals("--no-captions")) {
                    captions = false;
                } else if (arg.startsWith("--dir=")) {
                    dir = Path.of(value);
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg + "; options: [--count=N]"
                            + " [--threads=N] [--seed=N] [--heic-from=DIR] [--fixtures=DIR] [--caption-model=DIR]"
                            + " [--no-captions] [--dir=DIR]");
                }
            }
            Path model = captionModel != null ? captionModel : fixtures.resolve("models/blip-tiny");
            return new Options(count, threads, seed, heicFrom, fixtures, model, captions, dir);
        }
    }

    /**
     * Runs the benchmark; {@code application} is the server's Spring Boot application class (started for the
     * captioning part). Returns the exit code.
     */
    public static int runFromCommandLine(String[] args, Class<?> application) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Path dir = options.dir();
        if (dir != null) {
            return run(options, Files.createDirectories(dir), application);
        }
        try (TempFolder folder = new TempFolder("glimpse-import-bench")) {
            return run(options, folder.path(), application);
        }
    }

    private static int run(Options options, Path folder, Class<?> application) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Import benchmark: %,d photos, %d CPUs, max heap %d MB, %d import threads, in %s%n",
                options.count(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                options.threads(),
                folder.toAbsolutePath());
        Path photos = folder.resolve("photos");
        long begin = System.nanoTime();
        BenchPhotos generator = new BenchPhotos(options.seed(), BenchPhotos.heicsIn(options.heicFrom()));
        long bytes = generator.write(photos, options.count(), new Random(options.seed()));
        System.out.printf(
                Locale.ROOT,
                "Generated %,d photos (%s, %d%% PNG, %s) of %.2f GB, %.2f MB each on average, in %.0f s%n",
                options.count(),
                generator.jpegRange(),
                BenchPhotos.PNG_PER_HUNDRED,
                generator.hasHeic()
                        ? BenchPhotos.HEIC_PER_HUNDRED + "% HEIC (copies of the HEIC files in " + options.heicFrom()
                                + " with distinct Exif dates)"
                        : "no HEIC (no HEIC files in " + options.heicFrom() + ")",
                bytes / 1e9,
                bytes / 1e6 / options.count(),
                seconds(begin));
        System.gc(); // what generating left behind is not counted as the import's memory

        List<String> library = librarySettings(folder.resolve("library"));
        long importStart = System.nanoTime();
        ImportSummary summary;
        RssSampler rss = new RssSampler(Duration.ofMillis(250));
        try (rss) {
            summary = FolderImporter.run(
                    new FolderImporter.Options(
                            photos, folder.resolve("refused.tsv"), options.threads(), false, library),
                    System.out);
        }
        double importSeconds = seconds(importStart);
        System.out.println(summary.line());
        System.out.printf(
                Locale.ROOT,
                "Import: %,d files stored in %.1f s: %.1f files/s, %.1f MB/s read; %s%n",
                summary.imported(),
                importSeconds,
                summary.imported() / importSeconds,
                bytes / 1e6 / importSeconds,
                rss.summary());
        if (!options.captions()) {
            return summary.imported() + summary.duplicates() == options.count() ? 0 : 1;
        }
        List<String> server = new ArrayList<>(library);
        server.addAll(List.of(
                "--server.port=0",
                "--glimpse.models.offline=true",
                "--glimpse.caption.model=" + options.captionModel().toAbsolutePath(),
                "--glimpse.embedding.model="
                        + options.fixtures().resolve("models/all-MiniLM-L6-v2").toAbsolutePath(),
                "--glimpse.speech.model="
                        + options.fixtures().resolve("models/whisper-tiny").toAbsolutePath(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        CaptionedLibrary.Captioned captioned =
                CaptionedLibrary.await(application, server, Duration.ofHours(24), System.out);
        System.out.printf(
                Locale.ROOT,
                "Captioning with %s: %,d of %,d READY (%,d failed) %.0f s after the server started (%.1f images/min;"
                        + " start %.0f s); import to fully captioned: %.0f s%n",
                options.captionModel().getFileName(),
                captioned.ready(),
                captioned.total(),
                captioned.failed(),
                captioned.captionSeconds(),
                captioned.ready() * 60 / Math.max(captioned.captionSeconds(), 1e-3),
                captioned.startSeconds(),
                importSeconds + captioned.startSeconds() + captioned.captionSeconds());
        return captioned.ready() == captioned.total() ? 0 : 1;
    }

    /** The settings that put a library (database, blobs, index) in {@code folder}. */
    private static List<String> librarySettings(Path folder) {
        return List.of(
                "--glimpse.database.embedded.data-directory=" + folder.resolve("postgres"),
                "--glimpse.storage.local.root=" + folder.resolve("blobs"),
                "--glimpse.index.directory=" + folder.resolve("index"));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
