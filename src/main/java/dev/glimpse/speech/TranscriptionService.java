package dev.glimpse.speech;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.serving.InferenceExecutor;
import dev.glimpse.serving.LazyModel;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelsProperties;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * Turns a recording into text: decodes it with FFmpeg (audio demuxers only, no network, size and length limits) on
 * a virtual thread, then runs Whisper on the bounded inference executor. Decoding errors complete the future with an
 * {@link AudioDecodingException} whose message can be shown to the user.
 */
@Service
public class TranscriptionService implements AutoCloseable {

    private final SpeechProperties properties;
    private final AudioDecoder decoder;
    private final LazyModel<WhisperTranscriber> model;
    private final InferenceExecutor<Clip, Transcript> executor;
    private final ExecutorService decoding = Executors.newVirtualThreadPerTaskExecutor();

    TranscriptionService(
            SpeechProperties properties, ModelLocator locator, ModelsProperties models, ModelMonitor monitor) {
        this.properties = properties;
        this.decoder = new AudioDecoder(properties.audioLimits());
        TranscriberOptions options = new TranscriberOptions(
                properties.maxNewTokens(),
                properties.language(),
                TranscriptionTask.TRANSCRIBE,
                models.modelOptions(),
                properties.audioLimits());
        this.model = monitor.lazy(
                "speech",
                properties.model(),
                () -> WhisperTranscriber.load(locator.locate(properties.model()), options));
        this.executor = monitor.executor("speech", properties.model(), properties.executor(), this::transcribeAll);
    }

    /** Decodes and transcribes a recording; {@code translate} asks for English whatever the spoken language. */
    public CompletableFuture<Transcript> transcribe(byte[] recording, boolean translate) {
        TranscribeRequest request = translate ? TranscribeRequest.translateToEnglish() : TranscribeRequest.defaults();
        return CompletableFuture.supplyAsync(() -> decoder.decode(recording), decoding)
                .thenCompose(samples -> executor.submit(new Clip(samples, request), InferenceExecutor.Priority.USER));
    }

    public String modelId() {
        return properties.model();
    }

    private List<Transcript> transcribeAll(List<Clip> clips) {
        WhisperTranscriber transcriber = model.get();
        return clips.stream()
                .map(clip -> transcriber.transcribe(clip.samples(), clip.request()))
                .toList();
    }

    @Override
    public void close() throws Exception {
        executor.close();
        decoding.close();
        model.close();
    }

    private record Clip(float[] samples, TranscribeRequest request) {}
}
