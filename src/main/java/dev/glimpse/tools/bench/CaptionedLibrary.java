package dev.glimpse.tools.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the server on an imported library (in this process, with the models given) and measures the time until
 * every image is captioned (READY) or has failed, reading the counts from the database every second.
 */
final class CaptionedLibrary {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private CaptionedLibrary() {}

    /** The counts at the end: images READY, FAILED, and in all; the seconds the server took to start and to caption. */
    record Captioned(long ready, long failed, long total, double startSeconds, double captionSeconds) {}

    static Captioned await(Class<?> application, List<String> settings, Duration patience, PrintStream out)
            throws SQLException, InterruptedException {
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(application).run(settings.toArray(String[]::new))) {
            double started = seconds(begin);
            out.printf("Server started in %.1f s; captioning the library%n", started);
            DataSource database = server.getBean(DataSource.class);
            long deadline = System.nanoTime() + patience.toNanos();
            long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
            while (true) {
                long[] counts = counts(database);
                if (counts[0] + counts[1] >= counts[2] || System.nanoTime() > deadline) {
                    return new Captioned(counts[0], counts[1], counts[2], started, seconds(begin) - started);
                }
                if (System.nanoTime() > nextReport) {
                    out.printf("  %,d of %,d captioned after %.0f s%n", counts[0], counts[2], seconds(begin) - started);
                    nextReport += REPORT_EVERY.toNanos();
                }
                Thread.sleep(POLL);
            }
        }
    }

    private static long[] counts(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("SELECT count(*) FILTER (WHERE status = 'READY'),"
                        + " count(*) FILTER (WHERE status = 'FAILED'), count(*) FROM image")) {
            counts.next();
            return new long[] {counts.getLong(1), counts.getLong(2), counts.getLong(3)};
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
