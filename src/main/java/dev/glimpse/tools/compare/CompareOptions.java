package dev.glimpse.tools.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link CompareCaptioners}. */
record CompareOptions(
        List<String> models,
        Path images,
        Path references,
        Path out,
        Path modelsDir,
        boolean offline,
        int batch,
        int maxNewTokens,
        int warmUp) {

    static final String USAGE = "usage: CompareCaptioners --images=DIR --out=DIR [--references=FILE.json|FILE.csv]"
            + " [--models-dir=models] [--offline] [--batch=4] [--max-new-tokens=20] [--warm-up=1]"
            + " MODEL... (MODEL: owner/name[@revision] from the hub, or a local model folder)";

    static CompareOptions parse(String... args) {
        List<String> models = new ArrayList<>();
        Path images = null;
        Path references = null;
        Path out = null;
        Path modelsDir = Path.of("models");
        boolean offline = false;
        int batch = 4;
        int maxNewTokens = 20;
        int warmUp = 1;
        for (String arg : args) {
            if (arg.startsWith("--images=")) {
                images = Path.of(value(arg));
            } else if (arg.startsWith("--references=")) {
                references = Path.of(value(arg));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value(arg));
            } else if (arg.startsWith("--models-dir=")) {
                modelsDir = Path.of(value(arg));
            } else if (arg.equals("--offline")) {
                offline = true;
            } else if (arg.startsWith("--batch=")) {
                batch = positive(arg, 1);
            } else if (arg.startsWith("--max-new-tokens=")) {
                maxNewTokens = positive(arg, 1);
            } else if (arg.startsWith("--warm-up=")) {
                warmUp = positive(arg, 0);
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option '" + arg + "'");
            } else {
                models.add(arg);
            }
        }
        if (models.isEmpty() || images == null || out == null) {
            throw new IllegalArgumentException("Give at least one model, --images and --out");
        }
        return new CompareOptions(
                List.copyOf(models), images, references, out, modelsDir, offline, batch, maxNewTokens, warmUp);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int positive(String arg, int minimum) {
        int value;
        try {
            value = Integer.parseInt(value(arg));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number in '" + arg + "'");
        }
        if (value < minimum) {
            throw new IllegalArgumentException("'" + arg + "' must be at least " + minimum);
        }
        return value;
    }
}
