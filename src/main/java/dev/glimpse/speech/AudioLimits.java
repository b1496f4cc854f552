package dev.glimpse.speech;

import java.time.Duration;

/**
 * Bounds on what {@link AudioDecoder} accepts: the size of the recording in bytes, the length of audio
 * kept (longer recordings are cut there) and the wall-clock time decoding may take.
 */
public record AudioLimits(long maxBytes, Duration maxDuration, Duration maxDecodingTime) {

    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(20);
    public static final Duration DEFAULT_MAX_DECODING_TIME = Duration.ofSeconds(10);

    public AudioLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive: " + maxDuration);
        }
        if (maxDecodingTime.isNegative() || maxDecodingTime.isZero()) {
            throw new IllegalArgumentException("maxDecodingTime must be positive: " + maxDecodingTime);
        }
    }

    public static AudioLimits defaults() {
        return new AudioLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DURATION, DEFAULT_MAX_DECODING_TIME);
    }

    public AudioLimits withMaxDuration(Duration duration) {
        return new AudioLimits(maxBytes, duration, maxDecodingTime);
    }

    public AudioLimits withMaxBytes(long bytes) {
        return new AudioLimits(bytes, maxDuration, maxDecodingTime);
    }
}
