package dev.glimpse.search;

import java.time.ZoneId;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/** The Lucene filter of an {@link UnderstoodQuery}'s capture time and place; null when it has neither. */
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
                            ImageIndex.TAKEN_AT,
                            time.start(zone).toEpochMilli(),
                            time.end(zone).toEpochMilli() - 1),
                    BooleanClause.Occur.FILTER);
        }
        String place = query.placeName();
        if (place != null) {
            filter.add(new TermQuery(new Term(ImageIndex.PLACE, place)), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }
}
