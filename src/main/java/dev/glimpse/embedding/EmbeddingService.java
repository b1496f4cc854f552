package dev.glimpse.embedding;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.serving.InferenceExecutor;
import dev.glimpse.serving.LazyModel;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelsProperties;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Embeds texts (captions, search queries) as unit-length vectors with the configured sentence-transformer, micro-
 * batched on the bounded inference executor. The model loads on first use.
 */
@Service
public class EmbeddingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingService.class);

    private final EmbeddingProperties properties;
    private final LazyModel<SentenceEmbedder> model;
    private final InferenceExecutor<String, float[]> executor;
    private final ModelLocator locator;
    private @Nullable WordVocabulary vocabulary;
    private boolean vocabularyUnreadable;

    EmbeddingService(
            EmbeddingProperties properties, ModelLocator locator, ModelsProperties models, ModelMonitor monitor) {
        this.properties = properties;
        this.locator = locator;
        this.model = monitor.lazy(
                "embedding",
                properties.model(),
                () -> SentenceEmbedder.load(locator.locate(properties.model()), models.modelOptions()));
        this.executor = monitor.executor("embedding", properties.model(), properties.executor(), this::embedBatch);
    }

    public CompletableFuture<float[]> embed(String text, InferenceExecutor.Priority priority) {
        return executor.submit(text, priority);
    }

    /** The configured model, as recorded with every embedding it writes. */
    public String modelId() {
        return properties.model();
    }

    /**
     * Whether the model's tokenizer has {@code word} as one whole token ({@link WordVocabulary}); false while the
     * model's files are not on disk or its tokenizer cannot be read. Reads only the tokenizer, once, so it never waits for the weights to load.
     */
    public boolean hasVocabularyWord(String word) {
        WordVocabulary words = vocabulary();
        return words != null && words.hasWord(word);
    }

    private synchronized @Nullable WordVocabulary vocabulary() {
        if (vocabulary == null && !vocabularyUnreadable && locator.onDisk(properties.model())) {
            try {
                vocabulary = WordVocabulary.load(locator.locate(properties.model()));
            } catch (RuntimeException e) {
                vocabularyUnreadable = true;
                log.warn(
                        "Cannot read the tokenizer of {}; search spelling corrects any unknown word: {}",
                        properties.model(),
                        e.getMessage());
            }
        }
        return vocabulary;
    }

    private List<float[]> embedBatch(List<String> texts) {
        return Arrays.asList(model.get().embed(texts));
    }

    @Override
    public void close() throws Exception {
        executor.close();
        model.close();
        synchronized (this) {
            if (vocabulary != null) {
                vocabulary.close();
                vocabulary = null;
            }
        }
    }
}
