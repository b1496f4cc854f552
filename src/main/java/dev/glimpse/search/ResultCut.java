package dev.glimpse.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Which ranked candidates a search shows. An image matches when its caption is similar in meaning (cosine similarity
 * at least the minimum) or its shared words carry the query ({@link SharedWords#MATCHING}): a single shared common
 * word ("day", "park") is no match. When fewer than {@link SearchProperties#closestMatches} images match, the best of
 * the rest are shown after them as closest matches, flagged, so that the cut never hides the best answer there is.
 */
final class ResultCut {

    /** A ranked candidate and whether it matches. */
    record Ranked<T>(T candidate, boolean matches) {}

    private ResultCut() {}

    /** The shown candidates, best first: those that match and, if too few, the closest of the rest. */
    static <T> List<Ranked<T>> shown(List<Ranked<T>> ranked, int closestMatches, int k) {
        long matching = ranked.stream().filter(Ranked::matches).count();
        int closest = (int) Math.max(0, closestMatches - matching);
        List<Ranked<T>> shown = new ArrayList<>();
        for (Ranked<T> candidate : ranked) {
            if (shown.size() == k) {
                break;
            }
            if (candidate.matches()) {
                shown.add(candidate);
            } else if (closest > 0) {
                shown.add(candidate);
                closest--;
            }
        }
        return shown;
    }
}
