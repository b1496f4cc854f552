package dev.glimpse.ml.hub;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fetches models into the store ahead of time (Docker builds, air-gapped installs) and prints one line per model
 * with its folder and size. Usable from code or with its own command line:
 * {@code ModelPrefetch [--models-dir=models] [--hub-url=https://huggingface.co] owner/name[@revision] ...}.
 */
public final class ModelPrefetch {

    /** One fetched model. */
    public record Prefetched(ModelRef ref, Path folder, long bytes) {}

    private final ModelStore store;
    private final PrintStream out;

    public ModelPrefetch(ModelStore store, PrintStream out) {
        if (store.offline()) {
            throw new IllegalArgumentException("Pre-fetching needs a store that is not in offline mode");
        }
        this.store = store;
        this.out = out;
    }

    public List<Prefetched> prefetch(List<ModelRef> models) {
        List<Prefetched> fetched = new ArrayList<>();
        for (ModelRef ref : models) {
            Path folder = store.resolve(ref);
            Prefetched result = new Prefetched(ref, folder, sizeOf(folder));
            out.printf(Locale.ROOT, "%s -> %s (%.1f MB)%n", ref, folder, result.bytes() / 1e6);
            fetched.add(result);
        }
        return fetched;
    }

    /** The command line: {@code [--models-dir=DIR] [--hub-url=URL] owner/name[@revision] ...}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path root = ModelStore.DEFAULT_ROOT;
        URI hubUrl = HubClient.DEFAULT_BASE_URL;
        List<ModelRef> models = new ArrayList<>();
        try {
            for (String arg : args) {
                if (arg.startsWith("--models-dir=")) {
                    root = Path.of(arg.substring("--models-dir=".length()));
                } else if (arg.startsWith("--hub-url=")) {
                    hubUrl = URI.create(arg.substring("--hub-url=".length()));
                } else {
                    models.add(ModelRef.parse(arg));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (models.isEmpty()) {
            err.println("usage: ModelPrefetch [--models-dir=DIR] [--hub-url=URL] owner/name[@revision] ...");
            return 2;
        }
        try {
            new ModelPrefetch(new ModelStore(root, new HubClient(hubUrl), false), out).prefetch(models);
            return 0;
        } catch (HubException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The bytes of every file in a model folder, sub-folders included. */
    public static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(ModelPrefetch::size)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
