package dev.glimpse.embedding;

import dev.glimpse.ml.InferenceExecutor;
import dev.glimpse.ml.LazyModel;
import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.ModelMonitor;
import dev.glimpse.ml.ModelsProperties;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Embeds texts (captions, search queries) as unit-length vectors with the configured sentence-transformer, micro-
 * batched on the bounded inference executor. The model loads on first use.
 */
@Service
public class EmbeddingService implements AutoCloseable {

    private final EmbeddingProperties properties;
    private final LazyModel<SentenceEmbedder> model;
    private final InferenceExecutor<String, float[]> executor;

    EmbeddingService(
            EmbeddingProperties properties, ModelLocator locator, ModelsProperties models, ModelMonitor monitor) {
        this.properties = properties;
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

    private List<float[]> embedBatch(List<String> texts) {
        return Arrays.asList(model.get().embed(texts));
    }

    @Override
    public void close() throws Exception {
        executor.close();
        model.close();
    }
}
