package dev.glimpse.speech;

import dev.glimpse.serving.ExecutorProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The speech model (hub id such as {@code openai/whisper-small}, or a local folder), the spoken language (empty:
 * detected), and the limits on recordings: size, length kept (longer clips are cut) and decoding time.
 */
@Validated
@ConfigurationProperties("glimpse.speech")
public record SpeechProperties(
        @NotBlank @DefaultValue("openai/whisper-base") String model,
        @DefaultValue("") String language,
        @Min(1) @Max(440) @DefaultValue("96") int maxNewTokens,
        @NotNull @DefaultValue("10MB") DataSize maxBytes,
        @NotNull @DefaultValue("20s") Duration maxDuration,
        @NotNull @DefaultValue("10s") Duration maxDecodingTime,

        @Valid @NotNull @DefaultValue @NestedConfigurationProperty
        ExecutorProperties executor) {

    AudioLimits audioLimits() {
        return new AudioLimits(maxBytes.toBytes(), maxDuration, maxDecodingTime);
    }
}
