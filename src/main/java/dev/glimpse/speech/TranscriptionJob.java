package dev.glimpse.speech;

/** One clip to transcribe in a batch: 16 kHz mono samples and the per-call choices for them. */
public record TranscriptionJob(float[] samples16k, TranscribeRequest request) {

    public TranscriptionJob {
        if (samples16k == null) {
            throw new IllegalArgumentException("samples16k must not be null");
        }
        request = request == null ? TranscribeRequest.defaults() : request;
    }
}
