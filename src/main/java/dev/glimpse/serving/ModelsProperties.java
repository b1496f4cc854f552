package dev.glimpse.serving;

import dev.glimpse.ml.ModelOptions;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where models come from and how they run: the local model store, the hub to download missing files from (never
 * contacted when {@code offline}), the device ({@code cpu} or {@code gpu}), the threads one operation may use (and while a decoder generates token by token), and
 * how often a missing model is looked for again ({@code recheckInterval}).
 */
@Validated
@ConfigurationProperties("glimpse.models")
public record ModelsProperties(
        @NotNull @DefaultValue("models") Path store,
        @NotNull @DefaultValue("https://huggingface.co") URI hubUrl,
        @DefaultValue("false") boolean offline,

        @NotNull @Pattern(regexp = "cpu|gpu") @DefaultValue("cpu")
        String device,

        @Min(0) @DefaultValue("0") int intraOpThreads,
        @Min(0) @DefaultValue("1") int decodeThreads,

        @NotNull @DefaultValue("30s") Duration recheckInterval) {

    @ConstructorBinding
    public ModelsProperties {}

    /** Properties that decode with one thread. */
    public ModelsProperties(
            Path store, URI hubUrl, boolean offline, String device, int intraOpThreads, Duration recheckInterval) {
        this(store, hubUrl, offline, device, intraOpThreads, 1, recheckInterval);
    }

    public ModelOptions modelOptions() {
        return new ModelOptions(device, intraOpThreads, decodeThreads);
    }
}
