package dev.glimpse.search;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One image found by a search, as pages and the search API show it: its id, its caption, the score that ranked it (the cosine similarity plus the weight of the
 * words it shares with the query; higher is better), the cosine similarity of its caption embedding to the query's
 * (-1..1), where to fetch it, the caption's words that the query has too ({@code matchedWords}, as written in the
 * caption) and why it matched, in words for the page ({@code why}: "similar meaning", "shares the words “corgi”,
 * “beach”" or both).
 */
public record SearchHit(
        UUID id,
        String caption,
        double score,
        double similarity,
        String contentUrl,
        String thumbnailUrl,
        List<String> matchedWords,
        String why,
        boolean closest) {

    static final String SIMILAR_MEANING = "similar meaning";
    static final String CLOSEST = "closest match: nothing matched well";

    /** A hit that matched (not merely one of the closest). */
    public SearchHit(
            UUID id,
            String caption,
            double score,
            double similarity,
            String contentUrl,
            String thumbnailUrl,
            List<String> matchedWords,
            String why) {
        this(id, caption, score, similarity, contentUrl, thumbnailUrl, matchedWords, why, false);
    }

    public SearchHit {
        matchedWords = List.copyOf(matchedWords);
    }

    /** A hit found by its meaning alone, with no shared words. */
    public SearchHit(UUID id, String caption, double score, double similarity, String contentUrl, String thumbnailUrl) {
        this(id, caption, score, similarity, contentUrl, thumbnailUrl, List.of(), SIMILAR_MEANING);
    }

    static SearchHit of(Match match) {
        String base = "/api/images/" + match.id();
        return new SearchHit(
                match.id(),
                match.caption(),
                match.score(),
                match.similarity(),
                base + "/content",
                base + "/thumbnail",
                match.sharedWords(),
                match.closest() ? CLOSEST : why(match.similarMeaning(), match.sharedWords()),
                match.closest());
    }

    /** "similar meaning", "shares the word “heron”", "similar meaning; shares the words “red”, “car”". */
    static String why(boolean similarMeaning, List<String> sharedWords) {
        if (sharedWords.isEmpty()) {
            return SIMILAR_MEANING;
        }
        String shares = (sharedWords.size() == 1 ? "shares the word " : "shares the words ")
                + sharedWords.stream().map(word -> "“" + word + "”").collect(Collectors.joining(", "));
        return similarMeaning ? SIMILAR_MEANING + "; " + shares : shares;
    }
}
