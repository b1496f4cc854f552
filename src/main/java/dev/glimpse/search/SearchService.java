package dev.glimpse.search;

import dev.glimpse.embedding.EmbeddingService;
import dev.glimpse.ml.InferenceExecutor;
import dev.glimpse.speech.TranscriptionService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * Finds images by what their captions say. A text query is cleaned ({@link QueryText}), brought into its search form
 * (lower case, no punctuation, so that a transcript ranks exactly like the same words typed), embedded on the inference
 * executor, and run through the {@link HybridSearcher} on a virtual thread; a recording is transcribed first. The
 * futures never block the caller, and cancelling one stops the work that has not started yet (a queued embedding or
 * transcription request, the index search). Failures of the recording ({@link
 * dev.glimpse.speech.AudioDecodingException}) fail the future with a message fit for the user.
 */
@Service
public class SearchService implements AutoCloseable {

    private final ImageIndex index;
    private final EmbeddingService embeddings;
    private final TranscriptionService transcription;
    private final SearchProperties settings;
    private final HybridSearcher searcher;
    private final ExecutorService lucene = Executors.newVirtualThreadPerTaskExecutor();

    SearchService(
            ImageIndex index,
            EmbeddingService embeddings,
            TranscriptionService transcription,
            SearchProperties settings) {
        this.index = index;
        this.embeddings = embeddings;
        this.transcription = transcription;
        this.settings = settings;
        this.searcher = new HybridSearcher(index, settings);
    }

    /** The best {@code k} images (brought into 1..max-results) for a typed query, best first. */
    public CompletableFuture<SearchResults> search(String query, int k) {
        String text = QueryText.clean(query, settings.maxQueryLength());
        String words = QueryText.searchForm(text);
        int limit = settings.boundedResults(k);
        if (words.isEmpty()) {
            return CompletableFuture.completedFuture(SearchResults.none(text, SearchResults.EMPTY_QUERY));
        }
        if (index.size() == 0) {
            return CompletableFuture.completedFuture(SearchResults.none(text, SearchResults.EMPTY_LIBRARY));
        }
        return CancellableStages.thenCompose(
                embeddings.embed(words, InferenceExecutor.Priority.USER),
                vector -> CompletableFuture.supplyAsync(() -> results(text, words, vector, limit), lucene));
    }

    /** The default number of results. */
    public CompletableFuture<SearchResults> search(String query) {
        return search(query, settings.defaultResults());
    }

    /** Transcribes the recording (translated to English if asked) and searches for what was said. */
    public CompletableFuture<VoiceSearchResult> searchSpoken(byte[] recording, boolean translateToEnglish, int k) {
        return CancellableStages.thenCompose(
                transcription.transcribe(recording, translateToEnglish),
                transcript -> CancellableStages.thenApply(
                        search(transcript.text(), k), results -> new VoiceSearchResult(transcript, results)));
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

    private SearchResults results(String text, String words, float[] vector, int k) {
        return SearchResults.of(
                text,
                searcher.search(words, vector, k, Retrieval.HYBRID).stream()
                        .map(SearchHit::of)
                        .toList());
    }

    @Override
    public void close() {
        lucene.close();
    }
}
