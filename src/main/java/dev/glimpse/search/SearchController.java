package dev.glimpse.search;

import java.io.IOException;
import java.util.List;
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
 * The search JSON API. {@code GET /api/search?q=…&k=…} answers {@code {query, results, message}} ({@code POST} with
 * the same form fields too, for queries longer than a URL may be);
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

    record TextResponse(String query, List<SearchHit> results, String message) {}

    record VoiceResponse(
            String transcript,
            String language,
            double seconds,
            String query,
            List<SearchHit> results,
            String message) {}

    @RequestMapping(
            path = "/api/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    TextResponse search(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "k", required = false) @Nullable Integer k) {
        SearchResults results = await(search.search(query, results(k)));
        return new TextResponse(results.query(), results.hits(), results.message());
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
                results.message());
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
