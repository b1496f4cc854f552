package dev.glimpse.search;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The search JSON API. {@code GET /api/search?q=…&k=…[&without=time,place]} answers {@code {query, results, message,
 * understood, closestMatches}} ({@code POST} with the same form fields too, for queries longer than a URL may be):
 * {@code understood} is what the search made of the query ({@link Understood}: time range, place, fillers removed,
 * words mapped…), {@code without} takes those parts literally (the chips removed), and {@code closestMatches} is true
 * when nothing matched well and the results are the closest there are (each such result has {@code closest: true});
 * {@code POST /api/search/voice} (multipart field {@code audio}, optional {@code translate=true} and {@code k})
 * answers the same plus {@code transcript}, {@code language} and {@code seconds}. Each result carries {@code id},
 * {@code caption}, {@code score}, {@code similarity}, {@code contentUrl}, {@code thumbnailUrl}, {@code matchedWords}
 * (caption words the query has too) and {@code why} ("similar meaning", "shares the words …"). Any query text is
 * accepted; a {@code k} outside 1..max-results and unreadable audio are answered with RFC 9457 problem details (400).
 */
@RestController
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    record TextResponse(
            String query,
            List<SearchHit> results,
            @Nullable String message,
            Understood understood,
            boolean closestMatches) {}

    record VoiceResponse(
            String transcript,
            String language,
            double seconds,
            String query,
            List<SearchHit> results,
            @Nullable String message,
            Understood understood,
            boolean closestMatches) {}

    @RequestMapping(
            path = "/api/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    TextResponse search(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "k", required = false) @Nullable Integer k,
            @RequestParam(name = "without", defaultValue = "") String without) {
        SearchResults results = await(search.search(query, results(k), parts(without)));
        return new TextResponse(
                results.query(), results.hits(), results.message(), results.understood(), results.closestMatches());
    }

    @PostMapping(path = "/api/search/voice", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VoiceResponse searchSpoken(
            @RequestPart("audio") MultipartFile audio,
            @RequestParam(name = "translate", defaultValue = "false") boolean translate,
            @RequestParam(name = "k", required = false) @Nullable Integer k)
            throws IOException {
        int limit = results(k);
        VoiceSearchResult answer = await(search.searchSpoken(audio.getBytes(), translate, limit));
        SearchResults results = answer.results();
        return new VoiceResponse(
                answer.transcript().text(),
                answer.transcript().language(),
                answer.transcript().seconds(),
                results.query(),
                results.hits(),
                results.message(),
                results.understood(),
                results.closestMatches());
    }

    private static Set<QueryPart> parts(String without) {
        try {
            return QueryPart.parse(without);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryPartException(e.getMessage());
        }
    }

    /** {@code without} names a part of a query that does not exist. */
    static final class InvalidQueryPartException extends RuntimeException {
        InvalidQueryPartException(String message) {
            super(message);
        }
    }

    private int results(@Nullable Integer k) {
        if (k == null) {
            return search.defaultResults();
        }
        if (k < 1 || k > search.maxResults()) {
            throw new InvalidResultCountException(search.maxResults());
        }
        return k;
    }

    /** Waits on a virtual request thread; a failure is rethrown as itself, for the problem handler. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (CancellableStages.unwrap(e) instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code k} is outside 1..max-results. */
    static final class InvalidResultCountException extends RuntimeException {
        InvalidResultCountException(int max) {
            super("The number of results k must be between 1 and " + max + ".");
        }
    }
}
