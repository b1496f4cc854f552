package dev.glimpse.search;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How searches are run. {@code defaultResults}: hits shown when the caller does not say (k); {@code maxResults}: the
 * most a caller may ask for; {@code minSimilarity}: the cosine similarity (-1..1) below which an image whose caption
 * shares no word with the query is hidden; {@code candidatesPerResult} and {@code minCandidates}: the k-NN and the
 * BM25 search each look at {@code max(candidatesPerResult * k, minCandidates)} documents, so that recall stays high;
 * {@code wordWeight}: the most that the words a caption shares with the query can add to its cosine similarity (the
 * full amount only when they cover the query and no other caption has them all, see {@link SharedWords});
 * {@code maxQueryLength}: longer queries are cut (in characters) before they are embedded and analysed.
 */
@Validated
@ConfigurationProperties("glimpse.search")
public record SearchProperties(
        @Min(1) @Max(1000) @DefaultValue("12") int defaultResults,
        @Min(1) @Max(1000) @DefaultValue("100") int maxResults,

        @DecimalMin("-1.0") @DecimalMax("1.0") @DefaultValue("0.3")
        double minSimilarity,

        @Min(1) @Max(100) @DefaultValue("5") int candidatesPerResult,
        @Min(1) @Max(10_000) @DefaultValue("50") int minCandidates,

        @DecimalMin("0.0") @DecimalMax("10.0") @DefaultValue("3.5")
        double wordWeight,

        @Min(1) @Max(10_000) @DefaultValue("1000") int maxQueryLength) {

    /** The defaults, as used when nothing is configured. */
    public static SearchProperties defaults() {
        return new SearchProperties(12, 100, 0.3, 5, 50, 3.5, 1000);
    }

    /** The same settings with another word weight. */
    SearchProperties withWordWeight(double weight) {
        return new SearchProperties(
                defaultResults, maxResults, minSimilarity, candidatesPerResult, minCandidates, weight, maxQueryLength);
    }

    /** The same settings with another minimum similarity. */
    SearchProperties withMinSimilarity(double similarity) {
        return new SearchProperties(
                defaultResults, maxResults, similarity, candidatesPerResult, minCandidates, wordWeight, maxQueryLength);
    }

    /** How many documents each ranking considers for {@code k} results. */
    int candidates(int k) {
        return Math.max(candidatesPerResult * k, minCandidates);
    }

    /** {@code k} brought into 1..maxResults. */
    int boundedResults(int k) {
        return Math.clamp(k, 1, maxResults);
    }
}
