package dev.glimpse.search;

import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.serving.InferenceExecutor;
import dev.glimpse.serving.ModelUnavailableException;
import dev.glimpse.speech.TranscriptionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Finds images by what their captions say. A text query is cleaned ({@link QueryText}), brought into its search form
 * (lower case, no punctuation, so that a transcript ranks exactly like the same words typed), understood ({@link
 * QueryUnderstanding}: time and place filters, fillers, family words, occasions, relative to today in the configured
 * zone by the application's clock), embedded on the inference
 * executor, and run through the {@link HybridSearcher} on a virtual thread; a recording is transcribed first. The
 * futures never block the caller, and cancelling one stops the work that has not started yet (a queued embedding or
 * transcription request, the index search). Failures of the recording ({@link
 * dev.glimpse.speech.AudioDecodingException}) fail the future with a message fit for the user. While the embedding
 * model is missing, typed queries are answered from the caption words alone (BM25). Each search is timed ({@code
 * glimpse_search_seconds} by kind: typed, voice).
 */
@Service
public class SearchService implements AutoCloseable {

    private final ImageIndex index;
    private final EmbeddingService embeddings;
    private final TranscriptionService transcription;
    private final SearchProperties settings;
    private final HybridSearcher searcher;
    private final ExecutorService lucene = Executors.newVirtualThreadPerTaskExecutor();
    private final MeterRegistry meters;
    private final Clock clock;

    SearchService(
            ImageIndex index,
            EmbeddingService embeddings,
            TranscriptionService transcription,
            SearchProperties settings,
            MeterRegistry meters) {
        this(index, embeddings, transcription, settings, meters, Clock.systemUTC());
    }

    @Autowired
    SearchService(
            ImageIndex index,
            EmbeddingService embeddings,
            TranscriptionService transcription,
            SearchProperties settings,
            MeterRegistry meters,
            Clock clock) {
        this.clock = clock;
        this.meters = meters;
        this.index = index;
        this.embeddings = embeddings;
        this.transcription = transcription;
        this.settings = settings;
        this.searcher = new HybridSearcher(index, settings);
    }

    /** The best {@code k} images (brought into 1..max-results) for a typed query, best first. */
    public CompletableFuture<SearchResults> search(String query, int k) {
        return search(query, k, Set.of());
    }

    /**
     * The best {@code k} images for a typed query, with the parts of the query {@code without} taken literally (the
     * chips the user removed), best first.
     */
    public CompletableFuture<SearchResults> search(String query, int k, Set<QueryPart> without) {
        return timed("typed", typed(query, k, without));
    }

    private CompletableFuture<SearchResults> typed(String query, int k, Set<QueryPart> without) {
        String text = QueryText.clean(query, settings.maxQueryLength());
        String searchForm = QueryText.searchForm(text);
        int limit = settings.boundedResults(k);
        if (searchForm.isEmpty()) {
            return CompletableFuture.completedFuture(SearchResults.none(text, SearchResults.EMPTY_QUERY));
        }
        if (index.size() == 0) {
            return CompletableFuture.completedFuture(SearchResults.none(text, SearchResults.EMPTY_LIBRARY));
        }
        UnderstoodQuery understood = searcher.understand(
                searchForm, LocalDate.now(clock.withZone(settings.zone())), without, embeddings::hasVocabularyWord);
        String words = understood.words();
        if (words.isBlank()) {
            return CompletableFuture.supplyAsync(
                    () -> results(text, understood, new float[0], limit, Retrieval.HYBRID), lucene);
        }
        CompletableFuture<float[]> vector = embeddings.embed(words, InferenceExecutor.Priority.USER);
        CompletableFuture<Retrieval> retrieval = vector.handle((value, error) -> {
            if (error != null && !(CancellableStages.unwrap(error) instanceof ModelUnavailableException)) {
                throw new java.util.concurrent.CompletionException(CancellableStages.unwrap(error));
            }
            return error == null ? Retrieval.HYBRID : Retrieval.TEXT;
        });
        retrieval.whenComplete((value, error) -> {
            if (retrieval.isCancelled()) {
                vector.cancel(true);
            }
        });
        return CancellableStages.thenCompose(
                retrieval,
                how -> CompletableFuture.supplyAsync(
                        () -> results(
                                text, understood, how == Retrieval.HYBRID ? vector.join() : new float[0], limit, how),
                        lucene));
    }

    /** The default number of results. */
    public CompletableFuture<SearchResults> search(String query) {
        return search(query, settings.defaultResults());
    }

    /** Transcribes the recording (translated to English if asked) and searches for what was said. */
    public CompletableFuture<VoiceSearchResult> searchSpoken(byte[] recording, boolean translateToEnglish, int k) {
        return timed(
                "voice",
                CancellableStages.thenCompose(
                        transcription.transcribe(recording, translateToEnglish),
                        transcript -> CancellableStages.thenApply(
                                typed(transcript.text(), k, Set.of()),
                                results -> new VoiceSearchResult(transcript, results))));
    }

    private <T> CompletableFuture<T> timed(String kind, CompletableFuture<T> search) {
        Timer.Sample sample = Timer.start(meters);
        search.whenComplete((result, error) -> sample.stop(Timer.builder("glimpse.search")
                .description("Time to answer one search, from the query (or recording) to the results")
                .tags("kind", kind, "outcome", search.isCancelled() ? "cancelled" : error == null ? "ok" : "failed")
                .publishPercentileHistogram()
                .register(meters)));
        return search;
    }

    /**
     * The {@code k} images (brought into 1..max-results) whose caption embeddings are nearest to {@code vector},
     * nearest first, leaving out the image {@code self} it belongs to. The score of each hit is its similarity.
     */
    public CompletableFuture<List<SearchHit>> similar(UUID self, float[] vector, int k) {
        int limit = settings.boundedResults(k);
        return CompletableFuture.supplyAsync(
                () -> searcher.nearest(vector, limit + 1).stream()
                        .filter(match -> !match.id().equals(self))
                        .limit(limit)
                        .map(SearchHit::of)
                        .toList(),
                lucene);
    }

    /** Results shown when the caller does not say how many. */
    public int defaultResults() {
        return settings.defaultResults();
    }

    /** The most results a caller may ask for. */
    public int maxResults() {
        return settings.maxResults();
    }

    private SearchResults results(String text, UnderstoodQuery query, float[] vector, int k, Retrieval retrieval) {
        return SearchResults.of(
                text,
                searcher.search(query, vector, k, retrieval).stream()
                        .map(SearchHit::of)
                        .toList(),
                Understood.of(query));
    }

    @Override
    public void close() {
        lucene.close();
    }
}
