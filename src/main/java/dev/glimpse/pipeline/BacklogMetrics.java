package dev.glimpse.pipeline;

import dev.glimpse.library.BacklogStatus;
import dev.glimpse.library.ImageQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The captioning backlog as gauges (what the library page shows as "Captioning 3,412 of 10,000 · about 1 h 40 min
 * left"): {@code glimpse_pipeline_backlog_waiting}, {@code _total} and {@code _done} images, the recent {@code _rate}
 * in images per second and {@code glimpse_pipeline_backlog_time_left_seconds} (NaN until the rate is measured).
 */
@Component
class BacklogMetrics implements MeterBinder {

    private final ImageQueries library;

    BacklogMetrics(ImageQueries library) {
        this.library = library;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "glimpse.pipeline.backlog.waiting",
                "Images waiting or being captioned",
                BacklogStatus::waiting);
        gauge(
                registry,
                "glimpse.pipeline.backlog.total",
                "Images stored since the oldest waiting one",
                BacklogStatus::total);
        gauge(
                registry,
                "glimpse.pipeline.backlog.done",
                "Images of the backlog captioned already",
                BacklogStatus::done);
        gauge(
                registry,
                "glimpse.pipeline.backlog.rate",
                "Images captioned per second, measured over recent minutes",
                status -> status.imagesPerSecond() == null ? Double.NaN : status.imagesPerSecond());
        TimeGauge.builder(
                        "glimpse.pipeline.backlog.time.left",
                        this,
                        TimeUnit.SECONDS,
                        metrics -> metrics.library
                                .backlog()
                                .timeLeft()
                                .map(left -> left.toMillis() / 1000.0)
                                .orElse(metrics.library.backlog().waiting() == 0 ? 0 : Double.NaN))
                .description("Time left to caption the backlog at the recent rate (NaN until measured)")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<BacklogStatus> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.library.backlog()))
                .description(description)
                .register(registry);
    }
}
