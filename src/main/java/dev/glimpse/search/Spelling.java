package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Corrects a query word that no caption has to the caption word it was most likely meant as ("watterfall" →
 * "waterfall", "cookeis" → "cookies"): the caption words are indexed as written ({@link ImageIndex#WORDS}), and a
 * query word of at least {@link #SHORTEST} letters that none of them is (nor its singular) becomes the caption word
 * that most captions have among those one letter dropped, added or swapped with its neighbour away (two from {@link #TWO_EDITS} letters; a letter more in the query only when it
 * doubles its neighbour), its first letter the same. A letter replaced by another is not corrected:
 * it turns real words into other real words ("board" → "beard", "plane" → "plate"). Without a correction, the unknown word would count as something no image has and let a caption that
 * shares the query's other words outrank the one meant. A word the {@link KnownWords} know is never corrected
 * ("stars" is no misspelt "stairs", though only the second is in a caption).
 */
final class Spelling {

    static final int SHORTEST = 5;
    static final int TWO_EDITS = 8;

    private final @Nullable Terms words;
    private final IndexReader reader;
    private final KnownWords known;

    Spelling(IndexReader reader, KnownWords known) {
        this.reader = reader;
        this.known = known;
        try {
            this.words = MultiTerms.getTerms(reader, IndexFields.WORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caption words of a caption, as {@link ImageIndex#WORDS} holds them. */
    static Set<String> wordsOf(String caption) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : caption.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Whether one word is the other with letters dropped (or added), or two neighbours swapped. */
    static boolean droppedAddedOrSwapped(String a, String b) {
        if (a.length() == b.length()) {
            int first = 0;
            while (first < a.length() && a.charAt(first) == b.charAt(first)) {
                first++;
            }
            return first + 1 < a.length()
                    && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        if (a.length() > b.length() && !doubledLetterDropped(a, b)) {
            return false;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int matched = 0;
        for (int i = 0; i < longer.length() && matched < shorter.length(); i++) {
            if (longer.charAt(i) == shorter.charAt(matched)) {
                matched++;
            }
        }
        return matched == shorter.length();
    }

    /**
     * Whether {@code typed} is {@code word} with one letter doubled ("watterfall", "hidding"): a query word with a
     * letter more than the caption word is corrected only so, as dropping any other letter turns real words into
     * other real words ("stream" → "steam").
     */
    private static boolean doubledLetterDropped(String typed, String word) {
        for (int i = 1; i < typed.length(); i++) {
            if (typed.charAt(i) == typed.charAt(i - 1)
                    && (typed.substring(0, i) + typed.substring(i + 1)).equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The caption word meant, or null when the word is a caption word or none is close. */
    @Nullable
    String correction(String word) {
        if (words == null || word.length() < SHORTEST || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        try {
            Term term = new Term(IndexFields.WORDS, word);
            if (reader.docFreq(term) > 0
                    || word.endsWith("s")
                            && reader.docFreq(new Term(IndexFields.WORDS, word.substring(0, word.length() - 1))) > 0
                    || known.contains(word)) {
                return null;
            }
            FuzzyTermsEnum near = new FuzzyTermsEnum(words, term, word.length() >= TWO_EDITS ? 2 : 1, 1, true);
            String best = null;
            float bestBoost = -1;
            int bestFrequency = -1;
            for (BytesRef candidate = near.next(); candidate != null; candidate = near.next()) {
                float boost = near.getBoost();
                int frequency = near.docFreq();
                if (!droppedAddedOrSwapped(word, candidate.utf8ToString())) {
                    continue;
                }
                if (boost > bestBoost || boost == bestBoost && frequency > bestFrequency) {
                    best = candidate.utf8ToString();
                    bestBoost = boost;
                    bestFrequency = frequency;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
