package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.TokenDecoder;
import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhisperTranscriberTest {

    private static WhisperTranscriber transcriber;

    @BeforeAll
    static void load() {
        transcriber = WhisperTranscriber.load(
                WhisperReference.MODEL,
                new TranscriberOptions(16, null, TranscriptionTask.TRANSCRIBE, WhisperReference.TEST_OPTIONS));
    }

    private static int attachedResources(NDManager manager) throws ReflectiveOperationException {
        Field resources = BaseNDManager.class.getDeclaredField("resources");
        resources.setAccessible(true);
        return ((Map<?, ?>) resources.get(manager)).size();
    }

    @AfterAll
    static void close() {
        transcriber.close();
    }

    @Test
    void greedyDecodingReproducesTheReferenceIds() {
        int[] ids = transcriber.generateIds(WhisperReference.inputFeatures(), "en", TranscriptionTask.TRANSCRIBE);

        assertThat(ids).containsExactly(WhisperReference.ids("generated_ids"));
    }

    @Test
    void batchedGreedyDecodingReproducesTheReferenceIdsInEveryRow() throws IOException {
        float[] speech = new AudioDecoder().decode(Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav")));
        float[] speechFeatures =
                new WhisperFeatureExtractor(FeatureExtractorConfig.load(WhisperReference.MODEL)).extract(speech);
        float[] reference = WhisperReference.inputFeatures();

        int[][] batch = transcriber.generateIds(
                new float[][] {reference, speechFeatures, reference}, "en", TranscriptionTask.TRANSCRIBE);

        assertThat(batch[0]).containsExactly(WhisperReference.ids("generated_ids"));
        assertThat(batch[2]).containsExactly(WhisperReference.ids("generated_ids"));
        assertThat(batch[1])
                .containsExactly(transcriber.generateIds(speechFeatures, "en", TranscriptionTask.TRANSCRIBE));
    }

    @Test
    void batchOfJobsGivesWhatEachJobGivesAlone() throws IOException {
        float[] reference = WhisperFeatureExtractorTest.readPcm16Wav(WhisperReference.REFERENCE.resolve("audio.wav"));
        float[] speech =
                new AudioDecoder().decode(Files.readAllBytes(Fixtures.media("speech-red-car-48khz-mono.webm")));
        List<TranscriptionJob> jobs = List.of(
                new TranscriptionJob(reference, new TranscribeRequest("en", null)),
                new TranscriptionJob(speech, TranscribeRequest.defaults()),
                new TranscriptionJob(speech, new TranscribeRequest("fr", TranscriptionTask.TRANSLATE)));

        List<Transcript> together = transcriber.transcribeAll(jobs);

        assertThat(together).hasSize(3);
        for (int i = 0; i < jobs.size(); i++) {
            TranscriptionJob job = jobs.get(i);
            assertThat(together.get(i)).isEqualTo(transcriber.transcribe(job.samples16k(), job.request()));
        }
        assertThat(together.get(2).language()).isEqualTo("fr");
        assertThat(transcriber.languages()).containsExactlyInAnyOrder("en", "fr");
    }

    @Test
    void referenceAudioTranscribesToTheReferenceText() throws IOException {
        float[] samples = WhisperFeatureExtractorTest.readPcm16Wav(WhisperReference.REFERENCE.resolve("audio.wav"));

        Transcript transcript = transcriber.transcribe(samples, new TranscribeRequest("en", null));

        assertThat(transcript.text())
                .isEqualTo(WhisperReference.expected().get("text").getAsString());
        assertThat(transcript.language()).isEqualTo("en");
        assertThat(transcript.seconds()).isEqualTo(4.0);
    }

    @Test
    void detectedLanguageIsOneOfTheCheckpointsLanguages() throws IOException {
        float[] samples = new AudioDecoder().decode(Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav")));

        String language = transcriber.detectLanguage(samples);
        Transcript transcript = transcriber.transcribe(samples, TranscribeRequest.defaults());

        assertThat(language).isIn("en", "fr");
        assertThat(transcript.language()).isEqualTo(language);
    }

    @Test
    void browserRecordingBytesAreTranscribed() throws IOException {
        byte[] webm = Files.readAllBytes(Fixtures.media("speech-red-car-48khz-stereo.webm"));

        Transcript transcript = transcriber.transcribe(webm, new TranscribeRequest("fr", TranscriptionTask.TRANSLATE));

        assertThat(transcript.language()).isEqualTo("fr");
        assertThat(transcript.seconds()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(0.05));
        // the same words as the steps one by one: decode the WebM, log-mel, greedy ids in French, tokenizer
        float[] samples = new AudioDecoder().decode(webm);
        int[] ids = transcriber.generateIds(transcriber.features().extract(samples), "fr", TranscriptionTask.TRANSLATE);
        try (TokenDecoder tokenizer = TokenDecoder.load(WhisperReference.MODEL)) {
            String expected = tokenizer.decode(ids).strip();
            System.out.printf("whisper-tiny hears %d ids in the browser recording: '%s'%n", ids.length, expected);
            assertThat(transcript.text()).isEqualTo(expected);
        }
    }

    @Test
    void wavAt8kHzAnd96kHzStereoBothTranscribe() {
        for (byte[] wav :
                new byte[][] {TestAudio.sineWav(8_000, 1, 1.5, 300, 0.4), TestAudio.sineWav(96_000, 2, 1.5, 300, 0.4)
                }) {
            Transcript transcript = transcriber.transcribe(wav, new TranscribeRequest("en", null));

            assertThat(transcript.seconds()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.02));
            assertThat(transcript.language()).isEqualTo("en");
        }
    }

    @Test
    void badRecordingBytesFailWithAnAudioDecodingException() throws IOException {
        byte[] truncated = Files.readAllBytes(Fixtures.media("bad-truncated-half.webm"));

        assertThatThrownBy(() -> transcriber.transcribe(truncated, TranscribeRequest.defaults()))
                .isInstanceOf(AudioDecodingException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void noArrayOutlivesACall() throws Exception {
        float[] samples = WhisperFeatureExtractorTest.readPcm16Wav(WhisperReference.REFERENCE.resolve("audio.wav"));
        int before = attachedResources(transcriber.modelManager());

        transcriber.transcribe(samples, TranscribeRequest.defaults());
        transcriber.transcribe(samples, TranscribeRequest.translateToEnglish());

        assertThat(attachedResources(transcriber.modelManager())).isEqualTo(before);
    }

    @Test
    void translationPromptCarriesTheTranslateTaskToken() {
        WhisperGenerationConfig generation = WhisperGenerationConfig.load(WhisperReference.MODEL);

        int[] ids = transcriber.generateIds(WhisperReference.inputFeatures(), "fr", TranscriptionTask.TRANSLATE);

        assertThat(Arrays.copyOf(ids, 4))
                .containsExactly(
                        generation.decoderStartTokenId(),
                        generation.languageToId().get("fr"),
                        generation.taskToId().get("translate"),
                        generation.noTimestampsTokenId());
        assertThat(ids.length).isBetween(5, 4 + 16);
    }

    @Test
    void concurrentCallsGiveTheSameTranscriptAsOneCall() throws Exception {
        float[] samples = WhisperFeatureExtractorTest.readPcm16Wav(WhisperReference.REFERENCE.resolve("audio.wav"));
        Transcript alone = transcriber.transcribe(samples, new TranscribeRequest("en", null));
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Transcript>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> transcriber.transcribe(samples, new TranscribeRequest("en", null))));
            }
            for (Future<Transcript> result : results) {
                assertThat(result.get()).isEqualTo(alone);
            }
        }
    }

    @Test
    void unknownLanguageIsRefused() {
        assertThatThrownBy(() -> transcriber.transcribe(new float[16_000], new TranscribeRequest("xx", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx");
    }
}
