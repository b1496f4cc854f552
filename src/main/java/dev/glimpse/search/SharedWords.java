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
 * something that no image matches. A shared word counts its weight divided by the number of captions that have it:
 * the share of the word that singles out this image. The coverage is the sum over the shared words divided by the
 * weight of all query words (0..1), and the evidence is its square:
 *
 * <pre>evidence = (Σ_{shared w} idf(w) / df(w)  /  Σ_{query w} idf(w))²</pre>
 *
 * So shared rare words ("heron", "42", "heineken": df 1) that carry most of the query give nearly 1, a shared common
 * word ("park" in twenty captions) gives next to nothing, and a paraphrase that happens to share one word of four with
 * another image gives that image about a sixteenth: the square keeps partial overlaps from deciding what the
 * embedding already decides. Thread-confined: one instance per search.
 */
final class SharedWords {

    /** What a caption shares with the query: the caption's words as written, and the evidence (0..1). */
    record Evidence(List<String> words, double strength) {

        static final Evidence NONE = new Evidence(List.of(), 0);
    }

    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Integer> frequency = new HashMap<>();
    private final double queryWeight;

    SharedWords(IndexReader reader, String query) {
        double total = 0;
        try {
            int images = Math.max(1, reader.getDocCount(ImageIndex.CAPTION));
            for (Word word : Word.of(query)) {
                if (!idf.containsKey(word.exact())) {
                    int documents = reader.docFreq(new Term(ImageIndex.CAPTION, word.stem()));
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

    /** The words of {@code caption} that the query has too, and how much they say that it is the image meant. */
    Evidence in(String caption) {
        List<String> shared = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        double evidence = 0;
        for (Word word : Word.of(caption)) {
            if (idf.containsKey(word.exact()) && counted.add(word.exact())) {
                shared.add(word.surface());
                evidence += idf.get(word.exact()) / frequency.get(word.exact());
            }
        }
        return shared.isEmpty()
                ? Evidence.NONE
                : new Evidence(shared, Math.pow(Math.min(1, evidence / queryWeight), 2));
    }
}
