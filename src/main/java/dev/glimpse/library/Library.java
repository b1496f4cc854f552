package dev.glimpse.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the library for pages and the API, latest taken first (the upload time standing in where the capture time is
 * unknown), a slice at a time straight from the database (never the
 * whole table): the count and any slice of the images matching a {@link LibraryFilter}. Deleted images waiting for
 * their undo to run out are never shown.
 */
@Service
class Library {

    private static final String COLUMNS = "id, original_name, mime_type, width, height, byte_size, status, caption,"
            + " failure_reason, caption_model, embedding_model, created_at, caption_by_person, taken_at, taken_at_offset,"
            + " taken_at_source, camera, place_city, place_region, place_country, source_path,"
            + " failure_kind";

    private final JdbcClient jdbc;
    private final Backlog backlog;

    Library(JdbcClient jdbc, Backlog backlog) {
        this.jdbc = jdbc;
        this.backlog = backlog;
    }

    /** The captioning backlog now (see {@link Backlog}). */
    public BacklogStatus backlog() {
        return backlog.current();
    }

    /** How many images match. */
    @Transactional(readOnly = true)
    public long count(LibraryFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT count(*) FROM image WHERE " + where.sql)
                .param("pattern", where.pattern)
                .query(Long.class)
                .single();
    }

    /** The matching images from {@code offset}, at most {@code limit}, latest taken first. */
    @Transactional(readOnly = true)
    public List<ImageSummary> slice(LibraryFilter filter, long offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM image WHERE " + where.sql
                        + " ORDER BY taken_at DESC, created_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .param("pattern", where.pattern)
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, limit))
                .query(Library::summary)
                .list();
    }

    /** How many matching images were taken in each month, latest month first (the order of {@link #slice}). */
    @Transactional(readOnly = true)
    public List<MonthCount> months(LibraryFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT date_trunc('month', taken_at) AS month, count(*) AS images FROM image WHERE "
                        + where.sql + " GROUP BY 1 ORDER BY 1 DESC")
                .param("pattern", where.pattern)
                .query((rs, row) -> new MonthCount(
                        YearMonth.from(rs.getObject("month", LocalDateTime.class)), rs.getLong("images")))
                .list();
    }

    /** Where the image stands among the matching ones (0 = newest), or -1 when it does not match. */
    @Transactional(readOnly = true)
    public long position(LibraryFilter filter, UUID id) {
        Where where = where(filter);
        return jdbc.sql(
                        "SELECT CASE WHEN EXISTS (SELECT 1 FROM image me WHERE me.id = :id AND " + where.sql("me")
                                + ") THEN (SELECT count(*) FROM image, image me WHERE me.id = :id AND " + where.sql
                                + " AND (image.taken_at, image.created_at, image.id) > (me.taken_at, me.created_at, me.id)) ELSE -1 END")
                .param("pattern", where.pattern)
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** The image {@code step} places after (or before, when negative) {@code image} among the matching ones. */
    public Optional<ImageSummary> neighbour(LibraryFilter filter, ImageSummary image, int step) {
        long position = position(filter, image.id());
        if (position < 0 || position + step < 0) {
            return Optional.empty();
        }
        return slice(filter, position + step, 1).stream().findFirst();
    }

    private static Where where(LibraryFilter filter) {
        String status = switch (filter.show()) {
            case ALL -> "image.status <> 'DELETED'";
            case WAITING -> "image.status IN ('RECEIVED', 'CAPTIONING')";
            case FAILED -> "image.status = 'FAILED'";
        };
        if (filter.text().isEmpty()) {
            return new Where(status, "");
        }
        String pattern = "%"
                + filter.text()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return new Where(
                status + " AND (lower(coalesce(image.caption, '')) LIKE :pattern"
                        + " OR lower(image.original_name) LIKE :pattern"
                        + " OR lower(coalesce(image.source_path, '')) LIKE :pattern)",
                pattern);
    }

    private static ImageSummary summary(ResultSet rs, int row) throws SQLException {
        return new ImageSummary(
                rs.getObject("id", UUID.class),
                rs.getString("original_name"),
                rs.getString("mime_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("byte_size"),
                ImageStatus.valueOf(rs.getString("status")),
                rs.getString("caption"),
                rs.getString("failure_reason"),
                rs.getString("caption_model"),
                rs.getString("embedding_model"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("caption_by_person"),
                facts(rs),
                rs.getString("source_path"),
                failureKind(rs.getString("failure_kind")));
    }

    private static @Nullable FailureKind failureKind(@Nullable String name) {
        return name == null ? null : FailureKind.valueOf(name);
    }

    private static PhotoFacts facts(ResultSet rs) throws SQLException {
        String offset = rs.getString("taken_at_offset");
        String source = rs.getString("taken_at_source");
        return new PhotoFacts(
                rs.getObject("taken_at", LocalDateTime.class),
                offset == null ? null : ZoneOffset.of(offset),
                source == null ? PhotoFacts.TakenAtSource.UPLOAD : PhotoFacts.TakenAtSource.valueOf(source),
                rs.getString("camera"),
                rs.getString("place_city"),
                rs.getString("place_region"),
                rs.getString("place_country"));
    }

    /** A WHERE clause on the table {@code image} and the LIKE pattern it may use. */
    private record Where(String sql, String pattern) {
        String sql(String alias) {
            return sql.replace("image.", alias + ".");
        }
    }
}
