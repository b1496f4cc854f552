package dev.glimpse.bench;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexProbes;
import dev.glimpse.search.IndexedImage;
import dev.glimpse.search.SearchProperties;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * ./mvnw -q compile exec:java -Dexec.mainClass=dev.glimpse.bench.IndexBenchmark -Dexec.args="100000 1000000"
 * </pre>
 *
 * Options: sizes, {@code --queries=N} (per client, default 200), {@code --recall-queries=N} (default 100),
 * {@code --dir=PATH} (default: a temporary folder, deleted afterwards), {@code --clusters=N} (default 0: independent
 * uniformly random unit vectors, the hardest case for HNSW since every direction is equally likely; N &gt; 0: each
 * vector and query is one of N random topic directions plus noise, cosine ≈ 0.65 to its topic, closer to how caption
 * embeddings bunch by subject).
 */
public final class IndexBenchmark {

    static final int DIMENSIONS = 384;
    private static final int CLIENTS = 8;
    private static final String[] WORDS =
            ("a man woman child dog cat bird horse car bus train boat bike red blue green yellow white black "
                            + "small large old young sitting standing running walking eating playing holding riding "
                            + "on in near under beside street beach park field kitchen table room road river forest "
                            + "snow grass water city mountain sky building window door bench tree flowers")
                    .split(" ");

    private static float[][] centroids = new float[0][];

    private IndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int queries = 200;
        int recallQueries = 100;
        Path dir = null;
        for (String arg : args) {
            if (arg.startsWith("--queries=")) {
                queries = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--recall-queries=")) {
                recallQueries = Integer.parseInt(arg.substring(17));
            } else if (arg.startsWith("--clusters=")) {
                Random topics = new Random(3);
                centroids = new float[Integer.parseInt(arg.substring(11))][];
                for (int c = 0; c < centroids.length; c++) {
                    centroids[c] = new float[DIMENSIONS];
                    gaussianUnit(topics, centroids[c], 0, null);
                }
            } else if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring(6));
            } else {
                sizes.add(Integer.parseInt(arg.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000);
        }
        System.out.printf(
                Locale.ROOT,
                "Index benchmark on %d CPUs, max heap %d MB, %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                centroids.length == 0
                        ? "independent random unit vectors"
                        : centroids.length + " topic clusters (cosine ≈ 0.65 to the topic)");
        for (int size : sizes) {
            if (dir != null) {
                run(size, dir.resolve("index-" + size), queries, recallQueries);
            } else {
                try (TempFolder folder = new TempFolder("glimpse-index-bench")) {
                    run(size, folder.path(), queries, recallQueries);
                }
            }
        }
        System.exit(0);
    }

    private static void run(int size, Path folder, int queriesPerClient, int recallQueries) throws Exception {
        float[] vectors = new float[size * DIMENSIONS];
        UUID[] ids = new UUID[size];
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            unitVector(random, vectors, i * DIMENSIONS);
            ids[i] = new UUID(size, i);
        }
        try (ImageIndex index = new ImageIndex(folder)) {
            long start = System.nanoTime();
            int[] done = {0};
            index.replaceAll(
                    consumer -> {
                        Random words = new Random(7);
                        for (int i = 0; i < size; i++) {
                            float[] vector = new float[DIMENSIONS];
                            System.arraycopy(vectors, i * DIMENSIONS, vector, 0, DIMENSIONS);
                            consumer.accept(new IndexedImage(ids[i], caption(words), vector));
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

            IndexProbes probes = new IndexProbes(index, SearchProperties.defaults());
            latency(probes, queriesPerClient);
            recall(probes, vectors, ids, recallQueries);
        }
    }

    private static void latency(IndexProbes probes, int queriesPerClient) throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) { // warm-up
            probes.hybrid(caption(random), unitVector(random), 12);
        }
        List<Long> nanos = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int seed = 100 + c;
                results.add(clients.submit(() -> {
                    Random own = new Random(seed);
                    List<Long> times = new ArrayList<>();
                    for (int q = 0; q < queriesPerClient; q++) {
                        String text = caption(own);
                        float[] vector = unitVector(own);
                        long t = System.nanoTime();
                        probes.hybrid(text, vector, 12);
                        times.add(System.nanoTime() - t);
                    }
                    return times;
                }));
            }
            for (Future<List<Long>> result : results) {
                nanos.addAll(result.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        nanos.sort(null);
        System.out.printf(
                Locale.ROOT,
                "Typed search (hybrid, k=12, 60 candidates per ranking), %d clients × %d queries: "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.0f queries/s%n",
                CLIENTS,
                queriesPerClient,
                percentile(nanos, 0.50),
                percentile(nanos, 0.95),
                percentile(nanos, 0.99),
                nanos.size() / seconds);
    }

    private static void recall(IndexProbes probes, float[] vectors, UUID[] ids, int queries) {
        Random random = new Random(13);
        int[] candidateCounts = {10, 60, 100, 200};
        double[] hits = new double[candidateCounts.length];
        double[] millis = new double[candidateCounts.length];
        for (int q = 0; q < queries; q++) {
            float[] query = unitVector(random);
            Set<UUID> exact = exactTop10(vectors, ids, query);
            for (int c = 0; c < candidateCounts.length; c++) {
                long t = System.nanoTime();
                List<UUID> found = probes.nearest(query, 10, candidateCounts[c]);
                millis[c] += (System.nanoTime() - t) / 1e6;
                hits[c] += found.stream().filter(exact::contains).count();
            }
        }
        StringBuilder line = new StringBuilder("HNSW recall@10 against an exact scan (" + queries + " queries):");
        for (int c = 0; c < candidateCounts.length; c++) {
            line.append(String.format(
                    Locale.ROOT,
                    " %d candidates %.3f (%.1f ms);",
                    candidateCounts[c],
                    hits[c] / (10.0 * queries),
                    millis[c] / queries));
        }
        System.out.println(line);
    }

    private static Set<UUID> exactTop10(float[] vectors, UUID[] ids, float[] query) {
        int n = ids.length;
        int[] best = new int[10];
        float[] scores = new float[10];
        java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            float dot = 0;
            int base = i * DIMENSIONS;
            for (int d = 0; d < DIMENSIONS; d++) {
                dot += vectors[base + d] * query[d];
            }
            if (dot > scores[9]) {
                int at = 9;
                while (at > 0 && scores[at - 1] < dot) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = dot;
                best[at] = i;
            }
        }
        Set<UUID> top = new HashSet<>();
        for (int i : best) {
            top.add(ids[i]);
        }
        return top;
    }

    static String caption(Random random) {
        int length = 5 + random.nextInt(6);
        StringBuilder caption = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                caption.append(' ');
            }
            caption.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return caption.toString();
    }

    static float[] unitVector(Random random) {
        float[] vector = new float[DIMENSIONS];
        unitVector(random, vector, 0);
        return vector;
    }

    private static void unitVector(Random random, float[] target, int offset) {
        float[] centroid = centroids.length == 0 ? null : centroids[random.nextInt(centroids.length)];
        gaussianUnit(random, target, offset, centroid);
    }

    /** A random unit vector, or one near {@code centroid}: centroid + noise of norm ≈ 1.2, normalised. */
    private static void gaussianUnit(Random random, float[] target, int offset, float[] centroid) {
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            float value = centroid == null
                    ? (float) random.nextGaussian()
                    : centroid[d] + 0.06f * (float) random.nextGaussian();
            target[offset + d] = value;
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            target[offset + d] *= scale;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
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
