package dev.glimpse.base;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL used when no external database is configured ({@code spring.datasource.url} or
 * {@code DATABASE_URL}): its data folder survives restarts unless {@code clean} is set (tests). Only one process runs
 * the server on a folder (see {@link DataFolderOwner}); another one waits for it to exit, or, with {@code joinRunning}
 * (the {@code import} and {@code backup} commands), connects to the running server as one more client.
 */
@Validated
@ConfigurationProperties("glimpse.database.embedded")
public record DatabaseProperties(
        @NotNull @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("false") boolean clean,
        @DefaultValue("false") boolean joinRunning) {}
