package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded PostgreSQL keeps acknowledged commits: a killed server must not lose an upload it confirmed. */
@Tag("integration")
@GlimpseTest
class EmbeddedDatabaseDurabilityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void commitsAreDurableBeforeTheyAreAcknowledged() {
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    }
}
