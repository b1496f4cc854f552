package dev.glimpse.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL this process uses: one it started and owns (stopped, then its ownership released, on close)
 * or one another process runs that it joined as a client (nothing to stop).
 */
record EmbeddedDatabase(
        String jdbcUrl,
        @Nullable EmbeddedPostgres postgres,
        @Nullable DataFolderOwner owner) implements AutoCloseable {

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
