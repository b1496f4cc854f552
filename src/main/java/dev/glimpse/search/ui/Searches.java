package dev.glimpse.search.ui;

import dev.glimpse.search.QueryPart;
import dev.glimpse.search.SearchResults;
import dev.glimpse.search.SearchService;
import dev.glimpse.search.VoiceSearchResult;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The two searches the search page runs, each answered later by a future; {@link #of} binds them to the service. */
interface Searches {

    CompletableFuture<SearchResults> search(String query);

    /** The search with parts of the query taken literally (chips removed); without any, {@link #search(String)}. */
    default CompletableFuture<SearchResults> search(String query, Set<QueryPart> without) {
        return search(query);
    }

    CompletableFuture<VoiceSearchResult> searchSpoken(byte[] recording, boolean translateToEnglish);

    /** The service's searches with its default number of results. */
    static Searches of(SearchService service) {
        int results = service.defaultResults();
        return new Searches() {
            @Override
            public CompletableFuture<SearchResults> search(String query) {
                return service.search(query, results);
            }

            @Override
            public CompletableFuture<SearchResults> search(String query, Set<QueryPart> without) {
                return service.search(query, results, without);
            }

            @Override
            public CompletableFuture<VoiceSearchResult> searchSpoken(byte[] recording, boolean translateToEnglish) {
                return service.searchSpoken(recording, translateToEnglish, results);
            }
        };
    }
}
