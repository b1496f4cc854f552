package dev.glimpse.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.Scopes;
import dev.glimpse.ml.StageTimings;
import dev.glimpse.ml.TokenDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
    private final TokenDecoder tokenizer;
    private final AudioDecoder audioDecoder;
    private final TranscriberOptions options;

    private WhisperTranscriber(
            WhisperModel model,
            WhisperFeatureExtractor features,
            WhisperGenerationConfig generation,
            TokenDecoder tokenizer,
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
                    TokenDecoder.load(modelDir),
                    options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Transcribes a recording in any container a browser records; fails with {@link AudioDecodingException}. */
    public Transcript transcribe(byte[] recording, TranscribeRequest request) {
        return transcribe(recording, request, StageTimings.NONE);
    }

    /** {@link #transcribe(byte[], TranscribeRequest)}, reporting its {@link TranscriptionStages} to {@code timings}. */
    public Transcript transcribe(byte[] recording, TranscribeRequest request, StageTimings timings) {
        long start = timings.start();
        float[] samples = audioDecoder.decode(recording);
        timings.end(TranscriptionStages.AUDIO_DECODE, start);
        return transcribeAll(List.of(new TranscriptionJob(samples, request)), timings)
                .get(0);
    }

    /** Transcribes 16 kHz mono samples; only the first 30 s are heard. */
    public Transcript transcribe(float[] samples16k, TranscribeRequest request) {
        return transcribeAll(List.of(new TranscriptionJob(samples16k, request))).get(0);
    }

    /**
     * Transcribes several clips as one batch: one encoder pass and one decoder pass per token for all of them
     * (for micro-batching executors). Each clip keeps its own language and task.
     *
     * @throws IllegalArgumentException for the whole batch when a job names a language the model does not know
     *     (see {@link #languages()})
     */
    public List<Transcript> transcribeAll(List<TranscriptionJob> jobs) {
        return transcribeAll(jobs, StageTimings.NONE);
    }

    /** {@link #transcribeAll(List)}, reporting its {@link TranscriptionStages} to {@code timings}. */
    public List<Transcript> transcribeAll(List<TranscriptionJob> jobs, StageTimings timings) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        long start = timings.start();
        float[][] logMels =
                jobs.stream().map(job -> features.extract(job.samples16k())).toArray(float[][]::new);
        timings.end(TranscriptionStages.LOG_MEL, start);
        try (NDManager call = model.manager().newSubManager()) {
            long encoding = timings.start();
            NDArray encoded = encode(call, logMels);
            timings.end(TranscriptionStages.ENCODER, encoding, encoded);
            String[] languages = languages(call, encoded, jobs, timings);
            int[][] prompts = new int[jobs.size()][];
            for (int i = 0; i < prompts.length; i++) {
                prompts[i] = generation.prompt(languages[i], task(jobs.get(i).request()));
            }
            int[][] ids = generate(call, encoded, prompts, timings);
            List<Transcript> transcripts = new ArrayList<>(jobs.size());
            for (int i = 0; i < ids.length; i++) {
                double seconds = jobs.get(i).samples16k().length / (double) AudioDecoder.SAMPLE_RATE;
                transcripts.add(new Transcript(tokenizer.decode(ids[i]).strip(), languages[i], seconds));
            }
            return transcripts;
        }
    }

    /** The language code Whisper hears in 16 kHz mono samples ({@code en} for English-only models). */
    public String detectLanguage(float[] samples16k) {
        float[] logMel = features.extract(samples16k);
        try (NDManager call = model.manager().newSubManager()) {
            return detectLanguages(call, encode(call, new float[][] {logMel}))[0];
        }
    }

    /** The language codes this model knows ({@code en} alone for English-only models). */
    public Set<String> languages() {
        return generation.multilingual() ? generation.languages() : Set.of("en");
    }

    /** The prompt and greedily generated token ids for log-mel {@code features} (as the reference records them). */
    int[][] generateIds(float[][] logMels, String language, TranscriptionTask task) {
        try (NDManager call = model.manager().newSubManager()) {
            int[][] prompts = new int[logMels.length][];
            Arrays.fill(prompts, generation.prompt(language, task));
            return generate(call, encode(call, logMels), prompts, StageTimings.NONE);
        }
    }

    int[] generateIds(float[] logMel, String language, TranscriptionTask task) {
        return generateIds(new float[][] {logMel}, language, task)[0];
    }

    /** The manager holding the weights, for tests that check nothing else stays attached to it. */
    NDManager modelManager() {
        return model.manager();
    }

    WhisperModel model() {
        return model;
    }

    WhisperFeatureExtractor features() {
        return features;
    }

    private NDArray encode(NDManager call, float[][] logMels) {
        FeatureExtractorConfig config = features.config();
        int size = config.melBins() * config.frames();
        float[] batch = new float[logMels.length * size];
        for (int i = 0; i < logMels.length; i++) {
            System.arraycopy(logMels[i], 0, batch, i * size, size);
        }
        return model.encoder()
                .forward(call.create(batch, new Shape(logMels.length, config.melBins(), config.frames())));
    }

    private TranscriptionTask task(TranscribeRequest request) {
        return request.task() != null ? request.task() : options.task();
    }

    /** Each job's language: requested, else configured, else detected (one batched decoder step if any). */
    private String[] languages(NDManager call, NDArray encoded, List<TranscriptionJob> jobs, StageTimings timings) {
        String[] languages = new String[jobs.size()];
        boolean detect = false;
        for (int i = 0; i < languages.length; i++) {
            String language = jobs.get(i).request().language();
            language = language != null ? language : options.language();
            if (!generation.multilingual()) {
                languages[i] = "en";
            } else if (language != null) {
                languages[i] = generation.languageCode(generation.languageToken(language));
            } else {
                detect = true;
            }
        }
        if (detect) {
            long start = timings.start();
            String[] detected = detectLanguages(call, encoded);
            timings.end(TranscriptionStages.LANGUAGE, start);
            for (int i = 0; i < languages.length; i++) {
                languages[i] = languages[i] != null ? languages[i] : detected[i];
            }
        }
        return languages;
    }

    /** One decoder step after {@code <|startoftranscript|>}; per row the best of the language tokens wins. */
    private String[] detectLanguages(NDManager call, NDArray encoded) {
        int rows = (int) encoded.getShape().get(0);
        String[] languages = new String[rows];
        if (!generation.multilingual()) {
            Arrays.fill(languages, "en");
            return languages;
        }
        int[][] start = new int[rows][];
        Arrays.fill(start, new int[] {generation.decoderStartTokenId()});
        float[][] logits = model.decoder().nextTokenLogits(call, start, encoded, null);
        for (int row = 0; row < rows; row++) {
            languages[row] = generation.languageCode(GreedyDecoder.argmaxAmong(
                    logits[row], generation.languageToId().values()));
        }
        return languages;
    }

    private int[][] generate(NDManager call, NDArray encoded, int[][] prompts, StageTimings timings) {
        int room = model.decoder().maxPositions() - prompts[0].length;
        long start = timings.start();
        KvCache cache = new KvCache(model.decoder().layerCount());
        model.decoder().prefillCross(encoded, cache);
        timings.end(TranscriptionStages.CROSS_KV, start);
        DecoderStep step = tokens -> Scopes.step(call, cache, scope -> feed(scope, tokens, encoded, cache, timings));
        int[][] ids = options.modelOptions()
                .decoding(prompts.length, () -> greedy.generate(step, prompts, Math.min(options.maxNewTokens(), room)));
        timings.end(TranscriptionStages.DECODE, start);
        return ids;
    }

    /**
     * One decoder pass over {@code tokens} after the cached positions, on the step's {@code scope}: each row's logits
     * at the last token. The pass over the prompt reports as one stage, each later one as its layers and its head.
     */
    private float[][] feed(NDManager scope, int[][] tokens, NDArray encoded, KvCache cache, StageTimings timings) {
        boolean prompt = cache.length() == 0;
        long start = timings.start();
        NDArray hidden = model.decoder().forward(scope, tokens, encoded, cache);
        long layersDone = timings.start();
        float[][] logits = model.decoder().lastPositionLogits(hidden, tokens.length);
        if (timings.enabled()) {
            long headDone = System.nanoTime();
            if (prompt) {
                timings.record(TranscriptionStages.PROMPT, headDone - start);
            } else {
                timings.record(TranscriptionStages.STEP, layersDone - start);
                timings.record(TranscriptionStages.HEAD, headDone - layersDone);
                timings.count(
                        TranscriptionStages.STEP_ARRAYS,
                        scope.getManagedArrays().size());
            }
        }
        return logits;
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
