package dev.glimpse.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Zero-setup database: when no datasource URL is configured, Glimpse starts its own PostgreSQL (binaries from Maven)
 * with its data under {@code data/postgres}, so a fresh clone runs with one command and keeps its data. One process at
 * a time runs that server ({@link DataFolderOwner}): a second one waits for the first to exit, or joins its server as
 * a client when {@code glimpse.database.embedded.join-running} is set (the {@code import} and {@code backup} commands
 * beside a running Glimpse). It never stops a server that a live process owns.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration JOIN_PATIENCE = Duration.ofMinutes(3);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException, InterruptedException {
        Path folder = properties.dataDirectory();
        Files.createDirectories(folder);
        Optional<DataFolderOwner> owner = DataFolderOwner.tryAcquire(folder);
        if (owner.isEmpty() && properties.joinRunning()) {
            int port = RunningPostmaster.awaitPort(folder, JOIN_PATIENCE);
            log.info(
                    "Joined the embedded PostgreSQL that process {} runs on port {} with data in {}",
                    DataFolderOwner.ownerPid(folder).map(String::valueOf).orElse("?"),
                    port,
                    folder.toAbsolutePath());
            return new EmbeddedDatabase(EmbeddedDatabase.jdbcUrl(port), null, null);
        }
        DataFolderOwner taken = owner.isPresent()
                ? owner.get()
                : DataFolderOwner.acquire(
                        folder,
                        pid -> log.warn(
                                "Process {} runs the embedded PostgreSQL in {}; waiting for it to finish",
                                pid.map(String::valueOf).orElse("?"),
                                folder.toAbsolutePath()));
        try {
            EmbeddedPostgres postgres = start(properties);
            return new EmbeddedDatabase(EmbeddedDatabase.jdbcUrl(postgres.getPort()), postgres, taken);
        } catch (IOException | RuntimeException e) {
            taken.close();
            throw e;
        }
    }

    private static EmbeddedPostgres start(DatabaseProperties properties) throws IOException {
        if (!properties.clean()) {
            EmbeddedPostgresVersion.checkDataFolder(properties.dataDirectory());
            StalePostmaster.clear(properties.dataDirectory());
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(properties.clean())
                // zonky turns synchronous_commit and fsync (-F) off, fine for throwaway test databases; Glimpse
                // keeps its library here, so a commit must be on disk before an upload is acknowledged
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // the server's log reaches Glimpse's log; errors of statements are already reported to the
                // client that sent them (and logged there when they matter), so the server logs only its own
                // LOG, FATAL and PANIC lines: no alarming "ERROR: relation … does not exist" when Liquibase
                // looks for its lock table on the first start
                .setServerConfig("log_min_messages", "log")
                .start();
        log.info(
                "Started embedded PostgreSQL on port {} with data in {}",
                postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("glimpse-embedded");
        return dataSource;
    }

    /** Matches when neither {@code spring.datasource.url} nor {@code DATABASE_URL} names a database. */
    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
