package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.glimpse.ml.KvCache;
import dev.glimpse.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native network against transformers' traced whisper-tiny, on inputs the reference files do not cover. */
class WhisperTorchScriptOracleTest {

    private static final Path TORCHSCRIPT = WhisperReference.MODEL.resolve("torchscript");
    /** Another language, the other task, then ordinary and special tokens. */
    private static final int[] OTHER_IDS = {448, 450, 451, 456, 10, 220, 333, 17, 446, 447, 12, 12, 100};

    private static WhisperModel model;
    private static ZooModel<NDList, NDList> tracedEncoder;
    private static ZooModel<NDList, NDList> tracedDecoder;
    private static float[] speechFeatures;

    @BeforeAll
    static void load() throws Exception {
        model = WhisperModel.load(WhisperReference.MODEL, WhisperReference.TEST_OPTIONS);
        tracedEncoder = traced("encoder.pt");
        tracedDecoder = traced("decoder.pt");
        float[] speech = new AudioDecoder().decode(Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav")));
        speechFeatures =
                new WhisperFeatureExtractor(FeatureExtractorConfig.load(WhisperReference.MODEL)).extract(speech);
    }

    @AfterAll
    static void close() {
        tracedDecoder.close();
        tracedEncoder.close();
        model.close();
    }

    @Test
    void encoderMatchesTheTracedEncoderOnSpeechFeatures() throws Exception {
        try (NDManager call = model.manager().newSubManager()) {
            NDArray features = call.create(speechFeatures, new Shape(1, 80, 3000));

            float[] nativeOutput = model.encoder().forward(features).toFloatArray();
            float[] tracedOutput = runTraced(tracedEncoder, new NDList(features));

            WhisperModelTest.assertClose("encoder vs traced (speech)", nativeOutput, tracedOutput, 1e-4);
        }
    }

    @Test
    void encoderMatchesTheTracedEncoderOnABatchOfTwoClips() throws Exception {
        try (NDManager call = model.manager().newSubManager()) {
            float[] both = concat(speechFeatures, WhisperReference.inputFeatures());
            NDArray features = call.create(both, new Shape(2, 80, 3000));

            float[] nativeOutput = model.encoder().forward(features).toFloatArray();
            float[] tracedOutput = runTraced(tracedEncoder, new NDList(features));

            WhisperModelTest.assertClose("encoder vs traced (batch of 2)", nativeOutput, tracedOutput, 1e-4);
        }
    }

    @Test
    void decoderMatchesTheTracedDecoderOnAnotherTokenSequence() throws Exception {
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = model.encoder().forward(call.create(speechFeatures, new Shape(1, 80, 3000)));
            NDArray ids =
                    call.create(Arrays.stream(OTHER_IDS).asLongStream().toArray(), new Shape(1, OTHER_IDS.length));

            float[] nativeLogits = model.decoder()
                    .logits(model.decoder().forward(call, OTHER_IDS, encoded, null))
                    .toFloatArray();
            float[] tracedLogits = runTraced(tracedDecoder, new NDList(ids, encoded));

            WhisperModelTest.assertClose("decoder vs traced", nativeLogits, tracedLogits, 1e-4);
        }
    }

    @Test
    void batchedDecoderMatchesTheTracedDecoderOnTwoClipsAndTwoSequences() throws Exception {
        try (NDManager call = model.manager().newSubManager()) {
            float[] both = concat(speechFeatures, WhisperReference.inputFeatures());
            NDArray encoded = model.encoder().forward(call.create(both, new Shape(2, 80, 3000)));
            int[][] rows = {OTHER_IDS, Arrays.copyOf(WhisperReference.ids("decoder_input_ids"), OTHER_IDS.length)};
            long[] flat = Arrays.stream(rows)
                    .flatMapToInt(Arrays::stream)
                    .asLongStream()
                    .toArray();

            float[] nativeLogits = model.decoder()
                    .logits(model.decoder().forward(call, rows, encoded, null))
                    .toFloatArray();
            float[] tracedLogits =
                    runTraced(tracedDecoder, new NDList(call.create(flat, new Shape(2, OTHER_IDS.length)), encoded));

            WhisperModelTest.assertClose("batched decoder vs traced", nativeLogits, tracedLogits, 1e-4);
        }
    }

    @Test
    void cachedDecoderStepsMatchTheTracedDecoder() throws Exception {
        try (NDManager call = model.manager().newSubManager()) {
            NDArray encoded = model.encoder().forward(call.create(speechFeatures, new Shape(1, 80, 3000)));
            NDArray ids =
                    call.create(Arrays.stream(OTHER_IDS).asLongStream().toArray(), new Shape(1, OTHER_IDS.length));
            float[] traced = runTraced(tracedDecoder, new NDList(ids, encoded));
            int vocabulary = model.config().vocabSize();
            KvCache cache = new KvCache(model.decoder().layerCount());

            for (int position = 0; position < OTHER_IDS.length; position++) {
                float[] step = model.decoder().nextTokenLogits(call, new int[] {OTHER_IDS[position]}, encoded, cache);
                float[] expected = Arrays.copyOfRange(traced, position * vocabulary, (position + 1) * vocabulary);
                WhisperModelTest.assertClose("cached step " + position + " vs traced", step, expected, 1e-4);
            }
        }
    }

    @Test
    void detectedLanguageIsTheTracedDecodersBestLanguageToken() throws Exception {
        WhisperGenerationConfig generation = WhisperGenerationConfig.load(WhisperReference.MODEL);
        float[] speech =
                new AudioDecoder().decode(Files.readAllBytes(Fixtures.media("speech-red-car-48khz-mono.webm")));
        String expected;
        try (NDManager call = model.manager().newSubManager()) {
            float[] features =
                    new WhisperFeatureExtractor(FeatureExtractorConfig.load(WhisperReference.MODEL)).extract(speech);
            NDArray encoded = call.create(
                    runTraced(tracedEncoder, new NDList(call.create(features, new Shape(1, 80, 3000)))),
                    new Shape(1, 1500, 32));
            NDArray start = call.create(new long[] {generation.decoderStartTokenId()}, new Shape(1, 1));
            float[] logits = runTraced(tracedDecoder, new NDList(start, encoded));
            int best = -1;
            for (int token : generation.languageToId().values()) {
                if (best < 0 || logits[token] > logits[best] || (logits[token] == logits[best] && token < best)) {
                    best = token;
                }
            }
            expected = generation.languageCode(best);
        }

        try (WhisperTranscriber transcriber = WhisperTranscriber.load(
                WhisperReference.MODEL,
                TranscriberOptions.defaults().withModelOptions(WhisperReference.TEST_OPTIONS))) {
            assertThat(transcriber.detectLanguage(speech)).isEqualTo(expected);
        }
    }

    private static ZooModel<NDList, NDList> traced(String file) throws Exception {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(TORCHSCRIPT.resolve(file))
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
    }

    private static float[] runTraced(ZooModel<NDList, NDList> traced, NDList inputs) throws Exception {
        try (Predictor<NDList, NDList> predictor = traced.newPredictor()) {
            NDList outputs = predictor.predict(inputs);
            float[] values = outputs.get(0).toFloatArray();
            outputs.close();
            return values;
        }
    }

    private static float[] concat(float[] first, float[] second) {
        float[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
