package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 side of a search: the query text is run through the caption field's analyzer and every distinct term
 * becomes an optional clause. User text is never parsed as Lucene query syntax, so quotes, colons, brackets or
 * {@code AND} are just words (or nothing) and no input can make the query fail.
 */
final class CaptionQuery {

    /** Far below Lucene's clause limit; a query cut to the maximum length rarely has more distinct terms. */
    static final int MAX_TERMS = 256;

    private CaptionQuery() {}

    /** The query, or empty when no word of the text survives analysis (only stop words, punctuation). */
    static Optional<Query> of(String text, Analyzer analyzer) {
        return of(text, analyzer, term -> true);
    }

    /** The query of the terms that {@code keep} accepts; empty when none is left. */
    static Optional<Query> of(String text, Analyzer analyzer, java.util.function.Predicate<String> keep) {
        Set<String> terms = terms(text, analyzer);
        terms.removeIf(keep.negate());
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term(IndexFields.CAPTION, term)), BooleanClause.Occur.SHOULD);
        }
        return Optional.of(query.build());
    }

    static Set<String> terms(String text, Analyzer analyzer) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexFields.CAPTION, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < MAX_TERMS && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse the query", e);
        }
        return terms;
    }
}
