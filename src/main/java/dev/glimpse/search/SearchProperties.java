package dev.glimpse.search;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How searches are run. {@code defaultResults}: hits shown when the caller does not say (k); {@code maxResults}: the
 * most a caller may ask for; {@code minSimilarity}: the cosine similarity (-1..1) below which an image whose caption
 * shares no word with the query is hidden; {@code candidatesPerResult} and {@code minCandidates}: the k-NN and the
 * BM25 search each look at {@code max(candidatesPerResult * k, minCandidates)} documents, so that recall stays high;
 * {@code wordWeight}: the most that the words a caption shares with the query can add to its cosine similarity (the
 * full amount only when they cover the query and no other caption has them all, see {@link SharedWords});
 * {@code maxQueryLength}: longer queries are cut (in characters) before they are embedded and analysed;
 * {@code pairWeight}: the most that binding the query's attributes to the same nouns ("a brown dog on a white rug")
 * adds to, or contradicting them takes from, a score (see {@link AttributePairs});
 * {@code closestMatches}: when fewer images than this match, the best of the rest are shown as closest matches, so
 * the threshold never hides the best answer; {@code timeZone}: the zone whose days time expressions ("yesterday",
 * "last summer") mean (empty: the server's).
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

        @Min(1) @Max(10_000) @DefaultValue("1000") int maxQueryLength,

        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.1")
        double pairWeight,

        @Min(0) @Max(100) @DefaultValue("5") int closestMatches,
        @DefaultValue("") String timeZone) {

    @ConstructorBinding
    public SearchProperties {
        if (!timeZone.isBlank()) {
            ZoneId.of(timeZone);
        }
    }

    /** Settings without attribute pairs, closest matches or a time zone of their own (the server's). */
    public SearchProperties(
            int defaultResults,
            int maxResults,
            double minSimilarity,
            int candidatesPerResult,
            int minCandidates,
            double wordWeight,
            int maxQueryLength) {
        this(
                defaultResults,
                maxResults,
                minSimilarity,
                candidatesPerResult,
                minCandidates,
                wordWeight,
                maxQueryLength,
                0,
                0,
                "");
    }

    /** The defaults, as used when nothing is configured. */
    public static SearchProperties defaults() {
        return new SearchProperties(12, 100, 0.3, 5, 50, 3.5, 1000, 0.1, 5, "");
    }

    /** The same settings with another word weight. */
    SearchProperties withWordWeight(double weight) {
        return new SearchProperties(
                defaultResults,
                maxResults,
                minSimilarity,
                candidatesPerResult,
                minCandidates,
                weight,
                maxQueryLength,
                pairWeight,
                closestMatches,
                timeZone);
    }

    /** The same settings with another minimum similarity. */
    public SearchProperties withMinSimilarity(double similarity) {
        return new SearchProperties(
                defaultResults,
                maxResults,
                similarity,
                candidatesPerResult,
                minCandidates,
                wordWeight,
                maxQueryLength,
                pairWeight,
                closestMatches,
                timeZone);
    }

    /** The same settings with another pair weight. */
    SearchProperties withPairWeight(double weight) {
        return new SearchProperties(
                defaultResults,
                maxResults,
                minSimilarity,
                candidatesPerResult,
                minCandidates,
                wordWeight,
                maxQueryLength,
                weight,
                closestMatches,
                timeZone);
    }

    /** The same settings with another number of closest matches. */
    SearchProperties withClosestMatches(int closest) {
        return new SearchProperties(
                defaultResults,
                maxResults,
                minSimilarity,
                candidatesPerResult,
                minCandidates,
                wordWeight,
                maxQueryLength,
                pairWeight,
                closest,
                timeZone);
    }

    /** The same settings in another time zone. */
    public SearchProperties withTimeZone(String zone) {
        return new SearchProperties(
                defaultResults,
                maxResults,
                minSimilarity,
                candidatesPerResult,
                minCandidates,
                wordWeight,
                maxQueryLength,
                pairWeight,
                closestMatches,
                zone);
    }

    /** The zone whose days time expressions mean. */
    ZoneId zone() {
        return timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
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
