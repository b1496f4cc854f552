package dev.glimpse.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The captioning backlog as the database tells it (shared by every instance), read at most every two seconds: how
 * many images wait, out of how many stored since the oldest waiting one, and the recent rate, measured from how many
 * images finished (READY or FAILED) over the last ten minutes of readings (at least 20 seconds of them).
 */
@Component
class Backlog {

    private static final Logger log = LoggerFactory.getLogger(Backlog.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration MIN_SPAN = Duration.ofSeconds(20);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Deque<Reading> readings = new ArrayDeque<>();
    private BacklogStatus last = BacklogStatus.NONE;
    private Instant lastRead = Instant.EPOCH;

    Backlog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public synchronized BacklogStatus current() {
        Instant now = clock.instant();
        if (Duration.between(lastRead, now).compareTo(MAX_AGE) < 0) {
            return last;
        }
        lastRead = now;
        try {
            Counts counts = jdbc.sql("""
                            WITH w AS (SELECT min(created_at) AS since, count(*) AS waiting FROM image
                                       WHERE status IN ('RECEIVED', 'CAPTIONING'))
                            SELECT w.waiting,
                                   (SELECT count(*) FROM image WHERE w.since IS NOT NULL AND created_at >= w.since
                                           AND status <> 'DELETED') AS total,
                                   (SELECT count(*) FROM image WHERE status IN ('READY', 'FAILED')) AS finished
                            FROM w
                            """)
                    .query((rs, row) -> new Counts(rs.getLong("waiting"), rs.getLong("total"), rs.getLong("finished")))
                    .single();
            last = new BacklogStatus(counts.waiting(), Math.max(counts.total(), counts.waiting()), rate(now, counts));
        } catch (RuntimeException e) {
            log.debug("Could not read the captioning backlog", e);
        }
        return last;
    }

    /** Records the reading and answers the rate over the window, or null when it cannot be measured yet. */
    private @Nullable Double rate(Instant now, Counts counts) {
        readings.addLast(new Reading(now, counts.finished()));
        while (Duration.between(readings.getFirst().at(), now).compareTo(WINDOW) > 0) {
            readings.removeFirst();
        }
        Reading first = readings.getFirst();
        Duration span = Duration.between(first.at(), now);
        long finished = counts.finished() - first.finished();
        if (span.compareTo(MIN_SPAN) < 0 || finished <= 0) {
            return null;
        }
        return finished / (span.toMillis() / 1000.0);
    }

    private record Counts(long waiting, long total, long finished) {}

    private record Reading(Instant at, long finished) {}
}
