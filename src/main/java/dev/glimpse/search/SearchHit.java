package dev.glimpse.search;

import java.util.UUID;

/**
 * One image found by a search: its caption, the fused score that ranked it (reciprocal rank fusion, higher is
 * better), the cosine similarity of its caption embedding to the query's (-1..1), and where to fetch it.
 */
public record SearchHit(
        UUID imageId, String caption, double score, double similarity, String contentUrl, String thumbnailUrl) {

    static SearchHit of(Match match) {
        String base = "/api/images/" + match.id();
        return new SearchHit(
                match.id(), match.caption(), match.score(), match.similarity(), base + "/content", base + "/thumbnail");
    }
}
