package dev.glimpse.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of one inference executor, tagged with the model's role and id: request latency from submit to
 * answer ({@code glimpse_inference_seconds}, a histogram), time per batch call ({@code
 * glimpse_inference_batch_seconds}), batch sizes ({@code glimpse_inference_batch_size}), busy refusals ({@code
 * glimpse_inference_busy_refusals_total}) and failed requests ({@code glimpse_inference_failures_total}).
 */
final class InferenceMeters implements InferenceExecutor.Listener {

    private final Timer latency;
    private final Timer batchTime;
    private final DistributionSummary batchSize;
    private final Counter refusals;
    private final Counter failures;

    InferenceMeters(MeterRegistry meters, String role, String model) {
        this.latency = Timer.builder("glimpse.inference")
                .description("Time from submitting one request to its answer, queueing included")
                .tags("role", role, "model", model)
                .publishPercentileHistogram()
                .register(meters);
        this.batchTime = Timer.builder("glimpse.inference.batch")
                .description("Time of one batch call of the model")
                .tags("role", role, "model", model)
                .publishPercentileHistogram()
                .register(meters);
        this.batchSize = DistributionSummary.builder("glimpse.inference.batch.size")
                .description("Requests run together in one batch call")
                .tags("role", role, "model", model)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(meters);
        this.refusals = Counter.builder("glimpse.inference.busy.refusals")
                .description("Requests refused at once because the model's queue was full")
                .tags("role", role, "model", model)
                .register(meters);
        this.failures = Counter.builder("glimpse.inference.failures")
                .description("Requests that failed in the model (model missing, bad input)")
                .tags("role", role, "model", model)
                .register(meters);
    }

    @Override
    public void refused() {
        refusals.increment();
    }

    @Override
    public void batchRan(int size, long nanos, boolean failed) {
        batchTime.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(size);
    }

    @Override
    public void answered(long nanos, boolean failed) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        if (failed) {
            failures.increment();
        }
    }
}
