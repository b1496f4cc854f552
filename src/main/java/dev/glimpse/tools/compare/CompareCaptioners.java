package dev.glimpse.tools.compare;

import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.ml.hub.HubClient;
import dev.glimpse.ml.hub.ModelRef;
import dev.glimpse.ml.hub.ModelStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Compares captioning models on a folder of images (issue 8): for each model its load time, size on disk, peak
 * memory, median and p90 caption time, images per minute with micro-batching and, with references, corpus BLEU-4,
 * ROUGE-L and WER. Prints a Markdown table and writes it with per-image CSV and JSON to the output folder. From a
 * built jar:
 *
 * <pre>java -jar target/glimpse-*.jar compare-captioners --images=DIR --out=DIR [--references=FILE] MODEL...</pre>
 */
public final class CompareCaptioners {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private CompareCaptioners() {}

    /** Runs the comparison; returns the exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(CompareOptions.USAGE);
            return 2;
        }
        try {
            ComparisonReport report = compare(options, err);
            report.write(options.out());
            out.print(report.markdown());
            out.println("Written: " + options.out().resolve(ComparisonReport.MARKDOWN) + ", " + ComparisonReport.CSV
                    + ", " + ComparisonReport.JSON);
            return 0;
        } catch (RuntimeException e) {
            err.println("Comparison failed: " + e.getMessage());
            return 1;
        }
    }

    static ComparisonReport compare(CompareOptions options, PrintStream progress) {
        List<ModelEvaluation.NamedImage> images = images(options.images());
        Map<String, List<String>> references =
                options.references() == null ? Map.of() : References.read(options.references());
        CaptionOptions captionOptions = CaptionOptions.defaults().withMaxNewTokens(options.maxNewTokens());
        captionOptions.ml().applyToEngine(); // start the engine now, so that the first load time is the model's own
        ModelEvaluation evaluation = new ModelEvaluation(captionOptions, options.warmUp(), options.batch(), progress);
        ModelStore store = new ModelStore(options.modelsDir(), new HubClient(), options.offline());
        List<ModelResult> results = new ArrayList<>();
        for (String model : options.models()) {
            results.add(evaluation.evaluate(model, folder(model, store), images, references));
        }
        return new ComparisonReport(results, images.size());
    }

    /** A local folder as it is; anything else is a hub id resolved (and fetched unless offline) by the store. */
    static Path folder(String model, ModelStore store) {
        Path local = Path.of(model);
        if (Files.isDirectory(local)) {
            return local;
        }
        return store.resolve(ModelRef.parse(model));
    }

    static List<ModelEvaluation.NamedImage> images(Path folder) {
        List<ModelEvaluation.NamedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(CompareCaptioners::isImage).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new IllegalArgumentException("Cannot decode image " + file);
                }
                images.add(new ModelEvaluation.NamedImage(file.getFileName().toString(), image));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read images in " + folder, e);
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No images (" + IMAGE_EXTENSIONS + ") in " + folder);
        }
        return images;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(file) && dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1));
    }
}
