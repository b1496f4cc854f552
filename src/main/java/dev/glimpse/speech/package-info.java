/**
 * Speech: turns a recording from the browser into text. {@link dev.glimpse.speech.AudioDecoder}
 * decodes any container a browser records into 16 kHz mono samples through a locked-down FFmpeg,
 * {@code WhisperFeatureExtractor} computes Whisper's log-mel spectrogram, and
 * {@link dev.glimpse.speech.WhisperTranscriber} runs the Whisper encoder and decoder natively on the
 * shared {@code ml} runtime with greedy decoding, one clip or a batch of clips at a time.
 * {@link dev.glimpse.speech.TranscriptionService} serves it to the application with its settings.
 */
@NullMarked
package dev.glimpse.speech;

import org.jspecify.annotations.NullMarked;
