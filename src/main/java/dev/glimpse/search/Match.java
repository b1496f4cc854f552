package dev.glimpse.search;

import java.util.List;
import java.util.UUID;

/**
 * One image found by {@link HybridSearcher}: the score it was ranked by, the cosine similarity of its caption
 * embedding to the query's, whether that similarity reaches the minimum (so the image is similar in meaning), and the
 * caption's words that the query has too (as written in the caption, in caption order), and whether it is shown only
 * as one of the closest matches (nothing matched well enough, see {@link ResultCut}).
 */
public record Match(
        UUID id,
        String caption,
        double score,
        double similarity,
        boolean similarMeaning,
        List<String> sharedWords,
        boolean closest) {

    public Match {
        sharedWords = List.copyOf(sharedWords);
    }

    /** A match that is not merely one of the closest. */
    Match(UUID id, String caption, double score, double similarity, boolean similarMeaning, List<String> sharedWords) {
        this(id, caption, score, similarity, similarMeaning, sharedWords, false);
    }

    /** Whether any caption word is one of the query's words. */
    boolean wordsMatched() {
        return !sharedWords.isEmpty();
    }
}
