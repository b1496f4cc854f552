package dev.glimpse.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The fields of an image's document in the {@link ImageIndex}: the id, the caption as English full text, the
 * embedding as a dot-product HNSW vector, the caption's words as written, and, when known, the capture time and the
 * place names.
 */
final class IndexFields {

    static final String ID = "id";
    static final String CAPTION = "caption";
    static final String VECTOR = "vector";
    /** When the photo was taken, epoch milliseconds: a point for range filters, stored for showing. */
    static final String TAKEN_AT = "taken_at";
    /** Each of the photo's place names in {@link IndexedPlace#key key form}, one term per name. */
    static final String PLACE = "place";
    /** The caption's words as written (lower case, one term each), for {@link Spelling}. */
    static final String WORDS = "words";
    /** The place as shown ("Lisbon, Portugal"). */
    static final String PLACE_LABEL = "place_label";

    private static final Analyzer QUERY_ANALYZER = new EnglishAnalyzer();

    private IndexFields() {}

    /** An analyzer like the caption field's (shared, never closed); queries analyse their words with it. */
    static Analyzer queryAnalyzer() {
        return QUERY_ANALYZER;
    }

    static Document document(IndexedImage image) {
        Document document = new Document();
        document.add(new StringField(ID, image.id().toString(), Field.Store.YES));
        document.add(new TextField(CAPTION, image.caption(), Field.Store.YES));
        document.add(new KnnFloatVectorField(VECTOR, image.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        for (String word : Spelling.wordsOf(image.caption())) {
            document.add(new StringField(WORDS, word, Field.Store.NO));
        }
        if (image.takenAt() != null) {
            long millis = image.takenAt().toEpochMilli();
            document.add(new LongPoint(TAKEN_AT, millis));
            document.add(new NumericDocValuesField(TAKEN_AT, millis));
            document.add(new StoredField(TAKEN_AT, millis));
        }
        if (image.place() != null) {
            for (String name : image.place().names()) {
                document.add(new StringField(PLACE, IndexedPlace.key(name), Field.Store.NO));
            }
            document.add(new StoredField(PLACE_LABEL, image.place().label()));
        }
        return document;
    }
}
