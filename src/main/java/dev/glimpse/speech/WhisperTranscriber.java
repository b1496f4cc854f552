package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import java.nio.file.Path;

/**
 * Speech to text with a Whisper checkpoint run natively on DJL: samples (or a recording's bytes, through
 * {@link AudioDecoder}) → log-mel features → encoder → greedy decoding from
 * {@code <|startoftranscript|><|lang|><|task|><|notimestamps|>} → text. The language is the requested one, else
 * the configured one, else detected from the clip. Owns the model's weights; every call works on its own child
 * manager, closed before it returns, so calls from several threads do not interfere.
 */
public final class WhisperTranscriber implements AutoCloseable {

    private final WhisperModel model;
    private final WhisperFeatureExtractor features;
    private final WhisperGenerationConfig generation;
    private final GreedyDecoder greedy;
    private final WhisperTokenizer tokenizer;
    private final AudioDecoder audioDecoder;
    private final TranscriberOptions options;

    private WhisperTranscriber(
            WhisperModel model,
            WhisperFeatureExtractor features,
            WhisperGenerationConfig generation,
            WhisperTokenizer tokenizer,
            TranscriberOptions options) {
        this.model = model;
        this.features = features;
        this.generation = generation;
        this.greedy = GreedyDecoder.of(generation);
        this.tokenizer = tokenizer;
        this.audioDecoder = new AudioDecoder(options.audioLimits());
        this.options = options;
    }

    /** Loads a Whisper model folder laid out as on the Hugging Face hub (config, weights, tokenizer, preprocessor). */
    public static WhisperTranscriber load(Path modelDir, TranscriberOptions options) {
        FeatureExtractorConfig featureConfig = FeatureExtractorConfig.load(modelDir);
        WhisperGenerationConfig generation = WhisperGenerationConfig.load(modelDir);
        if (options.language() != null && generation.multilingual()) {
            generation.languageToken(options.language());
        }
        WhisperModel model = WhisperModel.load(modelDir, options.modelOptions());
        try {
            checkCompatible(featureConfig, model.config());
            return new WhisperTranscriber(
                    model,
                    new WhisperFeatureExtractor(featureConfig),
                    generation,
                    WhisperTokenizer.load(modelDir),
                    options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Transcribes a recording in any container a browser records; fails with {@link AudioDecodingException}. */
    public Transcript transcribe(byte[] recording, TranscribeRequest request) {
        return transcribe(audioDecoder.decode(recording), request);
    }

    /** Transcribes 16 kHz mono samples; only the first 30 s are heard. */
    public Transcript transcribe(float[] samples16k, TranscribeRequest request) {
        float[] logMel = features.extract(samples16k);
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = encode(call, logMel);
            String language = language(call, encoded, request);
            TranscriptionTask task = request.task() != null ? request.task() : options.task();
            int[] ids = generate(call, encoded, language, task);
            return new Transcript(
                    tokenizer.decode(ids).strip(), language, samples16k.length / (double) AudioDecoder.SAMPLE_RATE);
        }
    }

    /** The language code Whisper hears in 16 kHz mono samples ({@code en} for English-only models). */
    public String detectLanguage(float[] samples16k) {
        float[] logMel = features.extract(samples16k);
        try (NDManager call = model.manager().newSubManager()) {
            return detectLanguage(call, encode(call, logMel));
        }
    }

    /** The prompt and greedily generated token ids for log-mel {@code features} (as the reference records them). */
    int[] generateIds(float[] logMel, String language, TranscriptionTask task) {
        try (NDManager call = model.manager().newSubManager()) {
            return generate(call, encode(call, logMel), language, task);
        }
    }

    /** The manager holding the weights, for tests that check nothing else stays attached to it. */
    NDManager modelManager() {
        return model.manager();
    }

    private NDArray encode(NDManager call, float[] logMel) {
        FeatureExtractorConfig config = features.config();
        NDArray input = call.create(logMel, new Shape(1, config.melBins(), config.frames()));
        return model.encoder().forward(input);
    }

    private String language(NDManager call, NDArray encoded, TranscribeRequest request) {
        if (!generation.multilingual()) {
            return "en";
        }
        String language = request.language() != null ? request.language() : options.language();
        if (language == null) {
            return detectLanguage(call, encoded);
        }
        return generation.languageCode(generation.languageToken(language));
    }

    /** One decoder step after {@code <|startoftranscript|>}; the best of the language tokens wins. */
    private String detectLanguage(NDManager call, NDArray encoded) {
        if (!generation.multilingual()) {
            return "en";
        }
        float[] logits =
                model.decoder().nextTokenLogits(call, new int[] {generation.decoderStartTokenId()}, encoded, null);
        return generation.languageCode(
                GreedyDecoder.argmaxAmong(logits, generation.languageToId().values()));
    }

    private int[] generate(NDManager call, NDArray encoded, String language, TranscriptionTask task) {
        int[] prompt = generation.prompt(language, task);
        int room = model.decoder().maxPositions() - prompt.length;
        KvCache cache = new KvCache(model.decoder().layerCount());
        DecoderStep step = tokens -> model.decoder().nextTokenLogits(call, tokens, encoded, cache);
        return greedy.generate(step, prompt, Math.min(options.maxNewTokens(), room));
    }

    private static void checkCompatible(FeatureExtractorConfig features, WhisperConfig config) {
        if (features.melBins() != config.melBins() || features.frames() != config.inputFrames()) {
            throw new IllegalArgumentException("The preprocessor gives " + features.melBins() + "×" + features.frames()
                    + " features but the model takes " + config.melBins() + "×" + config.inputFrames());
        }
        if (features.samplingRate() != AudioDecoder.SAMPLE_RATE) {
            throw new IllegalArgumentException("The preprocessor expects " + features.samplingRate() + " Hz audio, not "
                    + AudioDecoder.SAMPLE_RATE);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
