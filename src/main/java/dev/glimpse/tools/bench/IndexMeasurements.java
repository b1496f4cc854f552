package dev.glimpse.tools.bench;

import dev.glimpse.tools.evaluate.IndexProbes;
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

/** What {@link IndexBenchmark} measures on a built index: typed-search latency under load and HNSW recall. */
final class IndexMeasurements {

    private static final int CLIENTS = 8;

    private final IndexProbes probes;
    private final SyntheticImages images;

    IndexMeasurements(IndexProbes probes, SyntheticImages images) {
        this.probes = probes;
        this.images = images;
    }

    /** Typed-search latency percentiles with {@value #CLIENTS} concurrent clients. */
    void latency(int queriesPerClient) throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) { // warm-up
            probes.hybrid(SyntheticImages.caption(random), images.unitVector(random), 12);
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
                        String text = SyntheticImages.caption(own);
                        float[] vector = images.unitVector(own);
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

    /** HNSW recall@10 against an exact scan over {@code vectors} (the images {@code ids}, in order). */
    void recall(float[] vectors, UUID[] ids, int queries) {
        Random random = new Random(13);
        int[] candidateCounts = {10, 60, 100, 200};
        double[] hits = new double[candidateCounts.length];
        double[] millis = new double[candidateCounts.length];
        for (int q = 0; q < queries; q++) {
            float[] query = images.unitVector(random);
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
            int base = i * SyntheticImages.DIMENSIONS;
            for (int d = 0; d < SyntheticImages.DIMENSIONS; d++) {
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

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
