package dev.glimpse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.caption.BlipCaptioner;
import dev.glimpse.caption.CaptionOptions;
import dev.glimpse.embedding.SentenceEmbedder;
import dev.glimpse.ml.ModelOptions;
import dev.glimpse.serving.NativeMemory;
import dev.glimpse.speech.TranscribeRequest;
import dev.glimpse.speech.TranscriberOptions;
import dev.glimpse.speech.TranscriptionTask;
import dev.glimpse.speech.WhisperTranscriber;
import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A leak guard for native memory: the same workload (captions, a transcription, embeddings with the fixture
 * models) repeated ten times must not make the process grow. Intermediates that outlive a call (a forward pass
 * run on a long-lived manager, a decoding step's arrays kept until the end) would add megabytes every round;
 * after round 2 the process has reached its working size, so round 10 must end within a generous margin of it.
 */
class NativeMemoryGrowthTest {

    private static final int ROUNDS = 10;
    private static final long MARGIN_BYTES = 64L * 1024 * 1024;

    @Test
    void repeatingTheSameWorkloadDoesNotGrowTheProcess() throws IOException {
        ModelOptions options = new ModelOptions("cpu", 1);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            images.add(TestImages.picture(200 + 20 * i, 150, 900 + i));
        }
        byte[] recording = Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav"));
        List<String> sentences = List.of(
                "a red car parked near the sea",
                "a dog running on the beach",
                "two people sitting on a bench in a park",
                "a plate of pasta with tomato sauce");
        long[] rss = new long[ROUNDS];
        try (BlipCaptioner captioner =
                        BlipCaptioner.load(Fixtures.model("blip-tiny"), new CaptionOptions(16, 1, true, options));
                WhisperTranscriber transcriber = WhisperTranscriber.load(
                        Fixtures.model("whisper-tiny"),
                        new TranscriberOptions(16, null, TranscriptionTask.TRANSCRIBE, options));
                SentenceEmbedder embedder = SentenceEmbedder.load(Fixtures.model("all-MiniLM-L6-v2"), options)) {
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(captioner.caption(images)).hasSize(images.size());
                assertThat(transcriber.transcribe(recording, TranscribeRequest.defaults()))
                        .isNotNull();
                assertThat(embedder.embed(sentences)).hasNumberOfRows(sentences.size());
                System.gc();
                NativeMemory.trim();
                rss[round] = residentBytes();
                System.out.printf("round %d: RSS %d MB%n", round + 1, rss[round] >> 20);
            }
        }

        assertThat(rss[ROUNDS - 1] - rss[1])
                .as("growth from round 2 to round %d, bytes", ROUNDS)
                .isLessThan(MARGIN_BYTES);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }
}
