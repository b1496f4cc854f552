package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded server is the PostgreSQL major that the data folder check expects (pom.xml and the code agree). */
@Tag("integration")
@GlimpseTest
class EmbeddedPostgresVersionTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEmbeddedServerRunsTheMajorVersionTheDataFolderCheckExpects() {
        String version = jdbc.queryForObject("show server_version", String.class);
        Integer number = jdbc.queryForObject("show server_version_num", Integer.class);
        System.out.println("Embedded PostgreSQL: " + version + " (" + number + ")");
        assertThat(number / 10_000).isEqualTo(EmbeddedPostgresVersion.MAJOR);
        assertThat(EmbeddedPostgresVersion.MAJOR).isGreaterThanOrEqualTo(16);
    }
}
