package dev.glimpse.caption;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.serving.InferenceExecutor;
import dev.glimpse.serving.LazyModel;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelsProperties;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Captions images with the configured BLIP model on the bounded inference executor: requests arriving together run
 * as one batch, user work goes before background work, and a full queue answers {@link dev.glimpse.serving.BusyException}
 * at once. The model loads on first use.
 */
@Service
public class CaptionService implements AutoCloseable {

    private final CaptionProperties properties;
    private final LazyModel<BlipCaptioner> model;
    private final InferenceExecutor<BufferedImage, String> executor;

    CaptionService(CaptionProperties properties, ModelLocator locator, ModelsProperties models, ModelMonitor monitor) {
        this.properties = properties;
        CaptionOptions options =
                new CaptionOptions(properties.maxNewTokens(), properties.numBeams(), true, models.modelOptions());
        this.model = monitor.lazy(
                "caption", properties.model(), () -> BlipCaptioner.load(locator.locate(properties.model()), options));
        this.executor = monitor.executor(
                "caption",
                properties.model(),
                properties.executor(),
                images -> model.get().caption(images));
    }

    public CompletableFuture<String> caption(BufferedImage image, InferenceExecutor.Priority priority) {
        return executor.submit(image, priority);
    }

    /** The configured model, as recorded with every caption it writes. */
    public String modelId() {
        return properties.model();
    }

    @Override
    public void close() throws Exception {
        executor.close();
        model.close();
    }
}
