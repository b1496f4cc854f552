package dev.glimpse.serving;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks the configured models in the background: once at start (one log line per missing model, saying why and
 * what to do; every available model is announced so that work which failed for want of it is retried), then every
 * {@code glimpse.models.recheck-interval} for the models still missing, announcing each one that appears.
 *
 * <p>Each start makes a new thread that checks for as long as it is the watcher's current thread: the field is set
 * before the thread runs, so the first check can never find it unset, and a thread left from an earlier start ends
 * at its next look instead of checking beside the new one.
 */
@Component
class ModelWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    /** What the watcher asks of the models ({@link ModelMonitor} in the application). */
    interface Checks {

        /** Looks for every model still missing (every model when {@code first}); returns those still missing. */
        List<ModelState> recheck(boolean first);

        List<ModelState> states();
    }

    private final Checks checks;
    private final Duration interval;
    private volatile @Nullable Thread thread;

    @Autowired
    ModelWatcher(ModelMonitor monitor, ModelsProperties properties) {
        this(
                new Checks() {
                    @Override
                    public List<ModelState> recheck(boolean first) {
                        return monitor.recheck(first);
                    }

                    @Override
                    public List<ModelState> states() {
                        return monitor.states();
                    }
                },
                properties.recheckInterval());
    }

    ModelWatcher(Checks checks, Duration interval) {
        this.checks = checks;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread watcher = Thread.ofVirtual().name("model-watcher").unstarted(this::run);
        thread = watcher;
        watcher.start();
    }

    private void run() {
        if (checks.recheck(true).isEmpty()) {
            log.info(
                    "Models: {}",
                    checks.states().stream()
                            .map(state -> state.role() + " " + state.model() + " ("
                                    + state.availability().name().toLowerCase(Locale.ROOT) + ")")
                            .toList());
        }
        while (current()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (current()) {
                checks.recheck(false);
            }
        }
    }

    private boolean current() {
        return thread == Thread.currentThread();
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
