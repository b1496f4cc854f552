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
 * most a caller may ask for; {@code minSimilarity}: the cosine similarity (-1..1) below which an image found only by
 * its embedding (no caption word in common with the query) is hidden; {@code candidatesPerResult} and
 * {@code minCandidates}: each ranking (k-NN and BM25) looks at {@code max(candidatesPerResult * k, minCandidates)}
 * documents before fusion, so that recall stays high; {@code rrfRankConstant}: the k of reciprocal rank fusion,
 * {@code score = sum weight / (rrfRankConstant + rank)}; {@code textWeight}: the weight of the BM25 ranking in that
 * sum (the embedding's ranking weighs 1), so a shared word helps an image without outranking the caption that means
 * the same as the query; {@code maxQueryLength}: longer queries are cut (in characters)
 * before they are embedded and analysed.
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
        @Min(1) @Max(10_000) @DefaultValue("60") int rrfRankConstant,

        @DecimalMin("0.0") @DecimalMax("10.0") @DefaultValue("1.0")
        double textWeight,

        @Min(1) @Max(10_000) @DefaultValue("1000") int maxQueryLength) {

    /** The defaults, as used when nothing is configured. */
    public static SearchProperties defaults() {
        return new SearchProperties(12, 100, 0.3, 5, 50, 60, 1.0, 1000);
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
