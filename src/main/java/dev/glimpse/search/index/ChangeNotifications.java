package dev.glimpse.search.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated database connection that {@code LISTEN}s on the change log's channel, so the follower wakes as soon as
 * a change commits on any instance. It is only a wake-up: the follower polls anyway, so a lost connection (database
 * restart, {@code pg_terminate_backend}) costs latency, never a change. After a loss the connection is opened again
 * no sooner than {@code retry} later, and the loss and the recovery are each logged once.
 */
final class ChangeNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final DataSource dataSource;
    private final Duration retry;
    private @Nullable Connection connection;
    private long nextAttempt;
    private boolean lost;

    ChangeNotifications(DataSource dataSource, Duration retry) {
        this.dataSource = dataSource;
        this.retry = retry;
    }

    /**
     * Waits up to {@code timeout} for a notification; true when one arrived. Without a working connection it just
     * sleeps for the timeout (the caller then polls).
     */
    boolean await(Duration timeout) throws InterruptedException {
        PGConnection listening = listening();
        if (listening == null) {
            Thread.sleep(timeout);
            return false;
        }
        try {
            PGNotification[] notifications = listening.getNotifications((int) Math.max(1, timeout.toMillis()));
            return notifications != null && notifications.length > 0;
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped while listening");
            }
            log.warn(
                    "Lost the connection listening for changes ({}); polling every change until it is back",
                    e.getMessage());
            lost = true;
            closeQuietly();
            nextAttempt = System.nanoTime() + retry.toNanos();
            return false;
        }
    }

    private @Nullable PGConnection listening() {
        if (connection != null) {
            return unwrap(connection);
        }
        if (System.nanoTime() < nextAttempt) {
            return null;
        }
        try {
            Connection opened = dataSource.getConnection();
            opened.setAutoCommit(true);
            try (Statement statement = opened.createStatement()) {
                statement.execute("LISTEN " + ChangeLog.CHANNEL);
            }
            connection = opened;
            if (lost) {
                log.info("Listening for changes again");
                lost = false;
            }
            return unwrap(opened);
        } catch (SQLException e) {
            if (!lost) {
                log.warn("Cannot listen for changes ({}); polling until it works", e.getMessage());
                lost = true;
            }
            nextAttempt = System.nanoTime() + retry.toNanos();
            return null;
        }
    }

    private static PGConnection unwrap(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The change feed needs PostgreSQL's JDBC driver", e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the listening connection failed", e);
        }
        connection = null;
    }
}
