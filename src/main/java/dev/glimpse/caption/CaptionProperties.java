package dev.glimpse.caption;

import dev.glimpse.serving.ExecutorProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The captioning model (a hub id such as {@code Salesforce/blip-image-captioning-large@main}, or a local folder),
 * how long captions may get, beam search width, and how requests are batched.
 */
@Validated
@ConfigurationProperties("glimpse.caption")
public record CaptionProperties(
        @NotBlank @DefaultValue("Salesforce/blip-image-captioning-base")
        String model,

        @Min(1) @Max(128) @DefaultValue("20") int maxNewTokens,
        @Min(1) @Max(8) @DefaultValue("1") int numBeams,

        @Valid @NotNull @DefaultValue @NestedConfigurationProperty
        ExecutorProperties executor) {}
