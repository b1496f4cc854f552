package dev.glimpse.ml;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks the configured models in the background: once at start (one log line per missing model, saying why and
 * what to do; every available model is announced so that work which failed for want of it is retried), then every
 * {@code glimpse.models.recheck-interval} for the models still missing, announcing each one that appears.
 */
@Component
class ModelWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    private final ModelMonitor monitor;
    private final Duration interval;
    private volatile @Nullable Thread thread;

    ModelWatcher(ModelMonitor monitor, ModelsProperties properties) {
        this.monitor = monitor;
        this.interval = properties.recheckInterval();
    }

    @Override
    public void start() {
        thread = Thread.ofVirtual().name("model-watcher").start(this::run);
    }

    private void run() {
        List<ModelState> missing = monitor.recheck(true);
        if (missing.isEmpty()) {
            log.info(
                    "Models: {}",
                    monitor.states().stream()
                            .map(state -> state.role() + " " + state.model() + " ("
                                    + state.availability().name().toLowerCase(java.util.Locale.ROOT) + ")")
                            .toList());
        }
        while (thread != null) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            monitor.recheck(false);
        }
    }

    @Override
    public void stop() {
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
