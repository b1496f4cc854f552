package dev.glimpse.tools.bench;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.search.SearchProperties;
import dev.glimpse.tools.evaluate.IndexProbes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One node, many images: fills a fresh index with N synthetic READY images (random 384-d unit vectors, captions made
 * of common words) through {@link ImageIndex#replaceAll} (the follower's rebuild path) and reports the build rate, the
 * size on disk, process RSS and heap, typed-search latency (the application's hybrid search: HNSW k-NN + BM25 +
 * fusion, given the query's embedding) p50/p95/p99 with 8 concurrent clients, and HNSW recall@10 against an exact
 * scan, at the application's candidate count and at a few others. Query embedding (MiniLM) is not included; see
 * {@link ModelBenchmark} for its cost.
 *
 * <pre>
 * java -jar target/glimpse-*.jar index-bench 100000 1000000
 * </pre>
 *
 * Options: sizes, {@code --queries=N} (per client, default 200), {@code --recall-queries=N} (default 100),
 * {@code --dir=PATH} (default: a temporary folder, deleted afterwards; the index is kept there), {@code --reuse} (with
 * {@code --dir}: measure the index an earlier run built there, once Lucene's merges after that big commit have
 * settled, as they have in a running instance, instead of building it again), {@code --clusters=N} (default 0: independent
 * uniformly random unit vectors, the hardest case for HNSW since every direction is equally likely; N &gt; 0: each
 * vector and query is one of N random topic directions plus noise, cosine ≈ 0.65 to its topic, closer to how caption
 * embeddings bunch by subject). This class reads the arguments and builds the index; {@link SyntheticImages} makes
 * the data and {@link IndexMeasurements} measures the searches.
 */
public final class IndexBenchmark {

    private static final int DIMENSIONS = SyntheticImages.DIMENSIONS;

    private IndexBenchmark() {}

    /** Runs the benchmark at the sizes and options given; returns the exit code. */
    public static int runFromCommandLine(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int queries = 200;
        int recallQueries = 100;
        Path dir = null;
        int topics = 0;
        boolean reuse = false;
        for (String arg : args) {
            if (arg.equals("--reuse")) {
                reuse = true;
            } else if (arg.startsWith("--queries=")) {
                queries = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--recall-queries=")) {
                recallQueries = Integer.parseInt(arg.substring(17));
            } else if (arg.startsWith("--clusters=")) {
                topics = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring(6));
            } else {
                sizes.add(Integer.parseInt(arg.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000);
        }
        SyntheticImages images = new SyntheticImages(topics);
        System.out.printf(
                Locale.ROOT,
                "Index benchmark on %d CPUs, max heap %d MB, %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                images.topics() == 0
                        ? "independent random unit vectors"
                        : images.topics() + " topic clusters (cosine ≈ 0.65 to the topic)");
        for (int size : sizes) {
            if (dir != null) {
                Path folder = dir.resolve("index-" + size);
                run(images, size, folder, queries, recallQueries, reuse && Files.isDirectory(folder));
            } else {
                try (TempFolder folder = new TempFolder("glimpse-index-bench")) {
                    run(images, size, folder.path(), queries, recallQueries, false);
                }
            }
        }
        return 0;
    }

    private static void run(
            SyntheticImages images, int size, Path folder, int queriesPerClient, int recallQueries, boolean reuse)
            throws Exception {
        float[] vectors = new float[size * DIMENSIONS];
        UUID[] ids = new UUID[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            images.unitVector(random, vectors, i * DIMENSIONS);
            ids[i] = new UUID(size, i);
        }
        try (ImageIndex index = new ImageIndex(folder)) {
            if (reuse) {
                System.out.printf(
                        Locale.ROOT,
                        "%n%,d images: reusing the index in %s (%,d documents); %s on disk; RSS %s%n",
                        size,
                        folder,
                        index.size(),
                        megabytes(folderSize(folder)),
                        megabytes(rss()));
            } else {
                build(index, images, size, vectors, ids, folder);
            }
            IndexMeasurements measurements =
                    new IndexMeasurements(new IndexProbes(index, SearchProperties.defaults()), images);
            measurements.latency(queriesPerClient);
            measurements.recall(vectors, ids, recallQueries);
        }
    }

    private static void build(
            ImageIndex index, SyntheticImages images, int size, float[] vectors, UUID[] ids, Path folder)
            throws IOException {
        long start = System.nanoTime();
        int[] done = {0};
        index.replaceAll(
                consumer -> {
                    Random words = new Random(7);
                    for (int i = 0; i < size; i++) {
                        float[] vector = new float[DIMENSIONS];
                        System.arraycopy(vectors, i * DIMENSIONS, vector, 0, DIMENSIONS);
                        consumer.accept(new IndexedImage(ids[i], SyntheticImages.caption(words), vector));
                        if (++done[0] % 100_000 == 0) {
                            System.out.printf(
                                    Locale.ROOT,
                                    "  %,d indexed (%.0f s)%n",
                                    done[0],
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                },
                size);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%n%,d images: built in %.1f s = %,.0f images/s (one commit, as a rebuild does); %s on disk; "
                        + "RSS %s, heap used %s%n",
                size,
                buildSeconds,
                size / buildSeconds,
                megabytes(folderSize(folder)),
                megabytes(rss()),
                megabytes(heapUsed()));
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }
}
