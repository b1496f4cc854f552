package dev.glimpse.search.index;

import dev.glimpse.search.IndexedImage;
import dev.glimpse.search.IndexedPlace;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the change log for the index follower: the changes after a position, the newest sequence, how far pruning has
 * removed the log, the changed images as they are now, and every READY image for a rebuild (streamed with a cursor, so
 * a million rows never sit in memory at once). Also prunes changes older than the retention period, remembering the
 * highest sequence it removed. It reads the {@code image} table with SQL, so the index needs no library type.
 */
@Component
class ChangeFeed {

    private static final String INDEXED =
            "SELECT id, caption, embedding, taken_at, taken_at_offset, place_city, place_region, place_country FROM image";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final Clock clock;

    ChangeFeed(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
    }

    /** One row of the change log. */
    record Change(long seq, UUID imageId, String kind, Instant changedAt) {}

    /** Up to {@code limit} changes after {@code position}, in sequence (= commit) order. */
    List<Change> after(long position, int limit) {
        return jdbc.sql("""
                        SELECT seq, image_id, kind, changed_at FROM image_change
                        WHERE seq > :position ORDER BY seq LIMIT :limit
                        """)
                .param("position", position)
                .param("limit", limit)
                .query((rs, row) -> new Change(
                        rs.getLong("seq"),
                        rs.getObject("image_id", UUID.class),
                        rs.getString("kind"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The newest sequence anyone can have applied (0 for an empty log). */
    long head() {
        return jdbc.sql("""
                        SELECT greatest(coalesce((SELECT max(seq) FROM image_change), 0),
                                        (SELECT pruned_through FROM image_change_horizon WHERE id = 1))
                        """).query(Long.class).single();
    }

    /** The highest sequence retention pruning has removed; a follower behind it cannot catch up by replaying. */
    long prunedThrough() {
        return jdbc.sql("SELECT pruned_through FROM image_change_horizon WHERE id = 1")
                .query(Long.class)
                .single();
    }

    /** Number of changes after {@code position}. */
    long countAfter(long position) {
        return jdbc.sql("SELECT count(*) FROM image_change WHERE seq > :position")
                .param("position", position)
                .query(Long.class)
                .single();
    }

    /**
     * Removes changes older than {@code retention} (always keeping the newest one, so the head stays known) and moves
     * the horizon past them, in one transaction. Returns how many were removed.
     */
    int prune(Duration retention) {
        Integer removed = readWrite.execute(status -> {
            long[] gone = jdbc.sql("""
                            WITH gone AS (
                                DELETE FROM image_change
                                WHERE changed_at < :cutoff AND seq < (SELECT max(seq) FROM image_change)
                                RETURNING seq)
                            SELECT count(*) AS removed, coalesce(max(seq), 0) AS through FROM gone
                            """)
                    .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                    .query((rs, row) -> new long[] {rs.getLong("removed"), rs.getLong("through")})
                    .single();
            if (gone[0] > 0) {
                jdbc.sql("""
                                UPDATE image_change_horizon SET pruned_through = greatest(pruned_through, :seq)
                                WHERE id = 1
                                """).param("seq", gone[1]).update();
            }
            return (int) gone[0];
        });
        return removed == null ? 0 : removed;
    }

    /** Hands every READY image to {@code consumer}, read through a cursor in one read-only transaction. */
    void forEachReady(Consumer<IndexedImage> consumer) {
        readOnly.executeWithoutResult(status ->
                streaming.query(INDEXED + " WHERE status = 'READY'", (ResultSet rs) -> consumer.accept(indexed(rs))));
    }

    /** Those of the images that are READY now, as the index stores them; the others are to be removed from it. */
    List<IndexedImage> readyAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(INDEXED + " WHERE status = 'READY' AND id IN (:ids)")
                .param("ids", ids)
                .query((rs, row) -> indexed(rs))
                .list();
    }

    /** What the index stores of a READY image: its caption and embedding, when and where it was taken. */
    private static IndexedImage indexed(ResultSet rs) throws SQLException {
        String offset = rs.getString("taken_at_offset");
        return new IndexedImage(
                rs.getObject("id", UUID.class),
                rs.getString("caption"),
                floats(rs.getArray("embedding")),
                takenAt(rs.getObject("taken_at", LocalDateTime.class), offset == null ? null : ZoneOffset.of(offset)),
                place(rs.getString("place_city"), rs.getString("place_region"), rs.getString("place_country")));
    }

    /** The capture time as an instant: with its recorded offset, else the camera's clock read as UTC. */
    private static @Nullable Instant takenAt(@Nullable LocalDateTime taken, @Nullable ZoneOffset offset) {
        return taken == null ? null : taken.toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    private static @Nullable IndexedPlace place(
            @Nullable String city, @Nullable String region, @Nullable String country) {
        return city == null && region == null && country == null ? null : new IndexedPlace(city, region, country);
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] values = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = ((Number) boxed[i]).floatValue();
        }
        return values;
    }
}
