package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One searchable word of a query or caption: as written ({@code surface}), its exact form (lower case, possessive
 * and plural removed: "dogs" and "dog's" are "dog", but "leaves" is "leave" and "leaving" stays "leaving") and its
 * stem as the caption field indexes it (Porter: "leav" for both). Two texts share a word when their exact forms are
 * equal; the stem finds it in the index. Stop words are not words here.
 */
record Word(String surface, String exact, String stem) {

    private static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new EnglishMinimalStemFilter(result));
        }
    };

    /**
     * The words of a text in order, repeats included. The exact and the indexing analyzer share tokenizer, possessive
     * and stop filters, so their tokens pair up by where they start in the text.
     */
    static List<Word> of(String text) {
        Map<Integer, String> stems = new HashMap<>();
        analyse(IndexFields.queryAnalyzer(), text, (term, start, end) -> stems.put(start, term));
        List<Word> words = new ArrayList<>();
        analyse(EXACT, text, (term, start, end) -> {
            String stem = stems.get(start);
            if (stem != null) {
                words.add(new Word(text.substring(start, end), term, stem));
            }
        });
        return words;
    }

    private static void analyse(Analyzer analyzer, String text, TokenConsumer consumer) {
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.CAPTION, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int count = 0;
            while (count++ < CaptionQuery.MAX_TERMS && tokens.incrementToken()) {
                consumer.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse " + text, e);
        }
    }

    @FunctionalInterface
    private interface TokenConsumer {
        void accept(String term, int start, int end);
    }
}
