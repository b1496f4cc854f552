package dev.glimpse.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Understands a query against what the index holds: its place names ({@link KnownPlaces}) and caption words
 * ({@link Spelling}, leaving the {@link KnownWords} as typed). A time or place that no photo matches is dropped, its words searched instead, and said so
 * ({@link UnderstoodQuery#unmatched}).
 */
final class IndexedUnderstanding {

    private final ImageIndex index;
    private final ZoneId zone;
    private final KnownWords known;

    IndexedUnderstanding(ImageIndex index, ZoneId zone, KnownWords known) {
        this.index = index;
        this.zone = zone;
        this.known = known;
    }

    UnderstoodQuery understand(String searchForm, LocalDate today, Set<QueryPart> without) {
        return index.withSearcher(searcher -> {
            KnownPlaces places = KnownPlaces.of(searcher.getIndexReader());
            Spelling spelling = new Spelling(searcher.getIndexReader(), known);
            UnderstoodQuery query =
                    QueryUnderstanding.understand(searchForm, today, places, spelling::correction, without);
            if (query.time() != null && allowed(searcher, query) == 0) {
                query = query.withoutTime();
            }
            if (query.placeName() != null && allowed(searcher, query) == 0) {
                query = query.withoutPlace();
            }
            return query;
        });
    }

    private int allowed(IndexSearcher searcher, UnderstoodQuery query) throws IOException {
        Query filter = CaptureFilter.of(query, zone);
        return searcher.count(filter == null ? new MatchAllDocsQuery() : filter);
    }
}
