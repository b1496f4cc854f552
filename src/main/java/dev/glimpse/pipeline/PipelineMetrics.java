package dev.glimpse.pipeline;

import dev.glimpse.library.FailureKind;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The library and the pipeline's queue as gauges, read from the database (the source of truth, shared by every
 * instance) at most once a second: images by status ({@code glimpse_images}), failed images by kind ({@code
 * glimpse_images_failed}), images waiting ({@code glimpse_pipeline_queue_depth}), the age of the oldest waiting
 * image and of the oldest claim ({@code glimpse_pipeline_oldest_waiting_age_seconds}, {@code
 * glimpse_pipeline_oldest_claim_age_seconds}; 0 when none).
 */
@Component
class PipelineMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PipelineMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final ImageRepository images;
    private final Clock clock;
    private volatile Snapshot snapshot;

    PipelineMetrics(ImageRepository images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ImageStatus status : ImageStatus.values()) {
            Gauge.builder("glimpse.images", this, metrics -> metrics.current().count(status))
                    .description("Images in the library by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        for (FailureKind kind : FailureKind.values()) {
            Gauge.builder(
                            "glimpse.images.failed",
                            this,
                            metrics -> metrics.current().failed(kind))
                    .description("FAILED images by why they failed (image: the image; model: a model was missing)")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder(
                        "glimpse.pipeline.queue.depth",
                        this,
                        metrics -> metrics.current().count(ImageStatus.RECEIVED))
                .description("Images waiting to be captioned")
                .register(registry);
        TimeGauge.builder(
                        "glimpse.pipeline.oldest.waiting.age",
                        this,
                        TimeUnit.SECONDS,
                        metrics -> metrics.current().age(metrics.current().oldestWaiting()))
                .description("How long the image waiting longest has waited")
                .register(registry);
        TimeGauge.builder(
                        "glimpse.pipeline.oldest.claim.age",
                        this,
                        TimeUnit.SECONDS,
                        metrics -> metrics.current().age(metrics.current().oldestClaim()))
                .description("How long the oldest unfinished claim (CAPTIONING) has been held")
                .register(registry);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last != null && Duration.between(last.taken(), now).compareTo(MAX_AGE) < 0) {
            return last;
        }
        try {
            Map<ImageStatus, Long> counts = new EnumMap<>(ImageStatus.class);
            for (Object[] row : images.countByStatus()) {
                counts.put((ImageStatus) row[0], (Long) row[1]);
            }
            Map<FailureKind, Long> failed = new EnumMap<>(FailureKind.class);
            for (Object[] row : images.countFailedByKind()) {
                failed.merge(row[0] == null ? FailureKind.IMAGE : (FailureKind) row[0], (Long) row[1], Long::sum);
            }
            snapshot = new Snapshot(
                    now,
                    counts,
                    failed,
                    images.oldestWaiting().orElse(null),
                    images.oldestClaim().orElse(null));
        } catch (RuntimeException e) {
            log.debug("Could not read the pipeline's state for the metrics", e);
            snapshot = new Snapshot(now, null, null, null, null);
        }
        return snapshot;
    }

    /** The database's answers at one moment; null maps when the database could not be read. */
    private record Snapshot(
            Instant taken,
            @Nullable Map<ImageStatus, Long> counts,
            @Nullable Map<FailureKind, Long> failed,
            @Nullable Instant oldestWaiting,
            @Nullable Instant oldestClaim) {

        double count(ImageStatus status) {
            return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
        }

        double failed(FailureKind kind) {
            return failed == null ? Double.NaN : failed.getOrDefault(kind, 0L);
        }

        double age(@Nullable Instant since) {
            if (counts == null) {
                return Double.NaN;
            }
            return since == null
                    ? 0
                    : Math.max(0, Duration.between(since, taken).toMillis() / 1000.0);
        }
    }
}
