package dev.glimpse.embedding;

import dev.glimpse.serving.ExecutorProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The sentence-embedding model (hub id or local folder) and how its requests are batched. */
@Validated
@ConfigurationProperties("glimpse.embedding")
public record EmbeddingProperties(
        @NotBlank @DefaultValue("sentence-transformers/all-MiniLM-L6-v2")
        String model,

        @Valid @NotNull @DefaultValue @NestedConfigurationProperty
        ExecutorProperties executor) {}
