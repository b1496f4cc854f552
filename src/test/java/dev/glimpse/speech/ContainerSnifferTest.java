package dev.glimpse.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContainerSnifferTest {

    @Test
    void webmCutAnywhereIsTruncatedAndTheWholeFileIsNot() throws IOException {
        byte[] webm = Files.readAllBytes(Fixtures.media("speech-red-car-48khz-mono.webm"));

        assertThat(ContainerSniffer.isTruncatedMatroska(webm)).isFalse();
        for (int length : new int[] {5, 30, 100, webm.length / 2, webm.length - 1}) {
            assertThat(ContainerSniffer.isTruncatedMatroska(Arrays.copyOf(webm, length)))
                    .as("cut at %d of %d bytes", length, webm.length)
                    .isTrue();
        }
    }

    @Test
    void streamedWebmWithUnknownSegmentSizeCannotBeJudgedAndCountsAsComplete() {
        byte[] streamed = {
            0x1A,
            0x45,
            (byte) 0xDF,
            (byte) 0xA3,
            (byte) 0x80, // EBML header, empty
            0x18,
            0x53,
            (byte) 0x80,
            0x67,
            0x01,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF, // Segment of unknown size
            0x1F,
            0x43,
            (byte) 0xB6,
            0x75 // a Cluster begins
        };

        assertThat(ContainerSniffer.isTruncatedMatroska(streamed)).isFalse();
    }

    @Test
    void audioContainersAreRecognisedByTheirFirstBytes() throws IOException {
        assertThat(ContainerSniffer.looksLikeAudioContainer(
                        Files.readAllBytes(Fixtures.media("speech-red-car-22khz.wav"))))
                .isTrue();
        assertThat(ContainerSniffer.looksLikeAudioContainer(Files.readAllBytes(Fixtures.media("tiny-16px.webp"))))
                .isFalse();
        assertThat(ContainerSniffer.looksLikeAudioContainer(
                        Files.readAllBytes(Fixtures.media("bad-random-bytes.webm"))))
                .isFalse();
    }
}
