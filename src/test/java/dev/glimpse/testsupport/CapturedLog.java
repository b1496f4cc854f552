package dev.glimpse.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the whole application (root logger) from {@link #start()} to {@link #close()}, for tests that
 * assert what a request logs: no ERROR, no stack trace for an expected condition, one line per refusal.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog() {
        appender.setName("captured-" + System.identityHashCode(this));
        appender.start();
        root.addAppender(appender);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while adding
            return List.copyOf(appender.list);
        }
    }

    /** Events at ERROR, as "logger: message" lines. */
    public List<String> errors() {
        return events().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(CapturedLog::line)
                .toList();
    }

    /** Events that carry a stack trace, as "LEVEL logger: message" lines. */
    public List<String> stackTraces() {
        return events().stream()
                .filter(event -> event.getThrowableProxy() != null)
                .map(event -> event.getLevel() + " " + line(event) + " ["
                        + event.getThrowableProxy().getClassName() + "]")
                .toList();
    }

    /** Events from loggers whose name starts with the prefix, at INFO or above, as "logger: message" lines. */
    public List<String> linesFrom(String loggerPrefix) {
        return events().stream()
                .filter(event -> event.getLoggerName().startsWith(loggerPrefix))
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(CapturedLog::line)
                .toList();
    }

    /** Events from loggers whose name starts with the prefix, at WARN or above, as "logger: message" lines. */
    public List<String> warningsFrom(String loggerPrefix) {
        return events().stream()
                .filter(event -> event.getLoggerName().startsWith(loggerPrefix))
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(CapturedLog::line)
                .toList();
    }

    private static String line(ILoggingEvent event) {
        return event.getLoggerName() + ": " + event.getFormattedMessage();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
