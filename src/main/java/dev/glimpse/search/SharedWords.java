package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The word evidence of one query: which of its words a caption shares, and how much that says that the caption is
 * the image meant. Each query word weighs its inverse document frequency (BM25's idf), so that in "a heron standing
 * in the water" the word "heron" weighs more than "water"; a word no caption has weighs most, since the query says
 * something that no image matches. A shared word counts its weight divided by the square of the number of captions
 * that have it ({@link #SPECIFICITY}): a word only this caption has counts in full, a word two captions have a quarter,
 * a word in twenty captions next to nothing. The coverage is the sum over the shared words divided by the weight of
 * all query words (0..1), and the evidence is its fourth power ({@link #SHARPNESS}):
 *
 * <pre>evidence = (Σ_{shared w} idf(w) / df(w)²  /  Σ_{query w} idf(w))⁴</pre>
 *
 * So the evidence is large only when words that single the image out carry most of the query: "a volkswagen van
 * parked on a street" gives the one volkswagen caption 0.022 and the white van that shares "van", "parked" and
 * "street" almost nothing: with the default word weight (3.5) that adds 0.076 to the volkswagen's similarity, enough
 * to lift it past the van the embedding prefers by 0.054. A paraphrase that shares one rare word of five with another image ("a white bird gliding across a lake"
 * and the one caption with "bird") gives that image 0.0016 (+0.006), too little to outrank the caption that means
 * what the query says; a shared common word ("park") gives nothing. Thread-confined: one instance per search.
 */
final class SharedWords {

    /** What a caption shares with the query: the caption's words as written, and the evidence (0..1). */
    record Evidence(List<String> words, double strength) {

        static final Evidence NONE = new Evidence(List.of(), 0);
    }

    /** How steeply a word counts less the more captions have it: its idf is divided by df to this power. */
    static final int SPECIFICITY = 2;

    /**
     * The most captions a word may be in and still say which image is meant: one in more weighs less than 1/10,000 of
     * its idf ({@code df^-SPECIFICITY}), nothing once the evidence is raised to {@link #SHARPNESS}.
     */
    static final int TELLING_DOCUMENTS = 100;

    /**
     * The least evidence that makes a caption a match by its words alone: the shared words must carry about a third of
     * the query's weight (0.32⁴ ≈ 0.01); one shared common word carries next to nothing.
     */
    static final double MATCHING = 0.01;

    /** How steeply the evidence falls as the shared words cover less of the query: the coverage to this power. */
    static final int SHARPNESS = 4;

    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Integer> frequency = new HashMap<>();
    private final double queryWeight;

    SharedWords(IndexReader reader, String query) {
        double total = 0;
        try {
            int images = Math.max(1, reader.getDocCount(IndexFields.CAPTION));
            for (Word word : Word.of(query)) {
                if (!idf.containsKey(word.exact())) {
                    int documents = reader.docFreq(new Term(IndexFields.CAPTION, word.stem()));
                    double weight = Math.log(1 + (images - documents + 0.5) / (documents + 0.5));
                    idf.put(word.exact(), weight);
                    frequency.put(word.exact(), Math.max(1, documents));
                    total += weight;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queryWeight = total;
    }

    /** Whether a word in {@code documents} captions can still single an image out. */
    static boolean telling(int documents) {
        return documents <= TELLING_DOCUMENTS;
    }

    /** The words of {@code caption} that the query has too, and how much they say that it is the image meant. */
    Evidence in(String caption) {
        List<String> shared = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        double evidence = 0;
        for (Word word : Word.of(caption)) {
            if (idf.containsKey(word.exact()) && counted.add(word.exact())) {
                shared.add(word.surface());
                evidence += idf.get(word.exact()) / Math.pow(frequency.get(word.exact()), SPECIFICITY);
            }
        }
        return shared.isEmpty()
                ? Evidence.NONE
                : new Evidence(shared, Math.pow(Math.min(1, evidence / queryWeight), SHARPNESS));
    }
}
