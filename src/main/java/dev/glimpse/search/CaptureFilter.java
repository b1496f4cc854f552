package dev.glimpse.search;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene filter of an {@link UnderstoodQuery}'s capture time and place (null when it has neither), and the photos
 * it allows newest first, for a query that is only a time or a place.
 */
final class CaptureFilter {

    private CaptureFilter() {}

    static @Nullable Query of(UnderstoodQuery query, ZoneId zone) {
        if (!query.filtered()) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        TimeRange time = query.time();
        if (time != null) {
            filter.add(
                    LongPoint.newRangeQuery(
                            IndexFields.TAKEN_AT,
                            time.start(zone).toEpochMilli(),
                            time.end(zone).toEpochMilli() - 1),
                    BooleanClause.Occur.FILTER);
        }
        String place = query.placeName();
        if (place != null) {
            filter.add(new TermQuery(new Term(IndexFields.PLACE, place)), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    /** The photos the filter allows, newest first (undated last). */
    static List<Match> newest(IndexSearcher searcher, Query filter, int k) throws IOException {
        SortField newest = new SortField(IndexFields.TAKEN_AT, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        List<Match> matches = new ArrayList<>(k);
        for (ScoreDoc hit : searcher.search(filter, k, new Sort(newest)).scoreDocs) {
            Document document = searcher.storedFields().document(hit.doc);
            matches.add(new Match(
                    UUID.fromString(document.get(IndexFields.ID)),
                    document.get(IndexFields.CAPTION),
                    1,
                    0,
                    false,
                    List.of()));
        }
        return matches;
    }
}
