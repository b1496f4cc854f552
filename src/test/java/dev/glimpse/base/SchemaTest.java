package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glimpse.testsupport.GlimpseTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@Tag("integration")
@GlimpseTest
class SchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void liquibaseCreatedTheImageTableOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        List<String> columns = jdbc.queryForList(
                "select column_name from information_schema.columns where table_name = 'image'", String.class);
        assertThat(columns)
                .contains(
                        "id",
                        "sha256",
                        "original_name",
                        "mime_type",
                        "width",
                        "height",
                        "byte_size",
                        "storage_key",
                        "caption",
                        "caption_model",
                        "embedding",
                        "embedding_model",
                        "status",
                        "failure_reason",
                        "created_at",
                        "updated_at",
                        "version");
        assertThat(jdbc.queryForObject(
                        "select data_type from information_schema.columns where table_name = 'image' and column_name = 'embedding'",
                        String.class))
                .isEqualTo("ARRAY");
    }

    @Test
    void theDatabaseRefusesASecondRowWithTheSameHash() {
        String sha = "f".repeat(64);
        insert(UUID.randomUUID(), sha, "RECEIVED");
        assertThatThrownBy(() -> insert(UUID.randomUUID(), sha, "RECEIVED"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesAnUnknownStatus() {
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "e".repeat(64), "LOST"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insert(UUID id, String sha, String status) {
        jdbc.update(
                "insert into image (id, sha256, original_name, mime_type, width, height, byte_size, storage_key,"
                        + " thumbnail_key, status, created_at, updated_at) values (?, ?, 'x.png', 'image/png', 1, 1, 1,"
                        + " 'k', 't', ?, now(), now())",
                id,
                sha,
                status);
    }
}
