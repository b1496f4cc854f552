package dev.glimpse.serving;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the process keeps its native memory small (glibc only; elsewhere these do nothing): at most
 * {@code mallocArenaMax} C-allocator arenas (0 leaves the C library's default of eight per core), and the
 * allocator's free memory handed back to the system once the models have been idle for {@code trimAfterIdle}
 * (zero never trims).
 */
@Validated
@ConfigurationProperties("glimpse.memory")
public record MemoryProperties(
        @Min(0) @Max(64) @DefaultValue("2") int mallocArenaMax,
        @NotNull @DefaultValue("10s") Duration trimAfterIdle) {}
