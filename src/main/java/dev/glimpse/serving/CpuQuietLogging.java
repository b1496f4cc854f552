package dev.glimpse.serving;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the CPU device, DJL's CUDA probe has nothing to find, yet it warns "Failed to detect GPU count" each time an
 * engine looks for GPUs (at start and at every model load). This lowers that one logger to ERROR when
 * {@code glimpse.models.device} is {@code cpu} (the default) and the operator has not set its level; on {@code gpu}
 * the warning stays, since there it means something.
 */
public class CpuQuietLogging implements EnvironmentPostProcessor {

    static final String CUDA_LOGGER = "logging.level.ai.djl.util.cuda.CudaUtils";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String device = environment.getProperty("glimpse.models.device", "cpu");
        if (device.equals("cpu") && !environment.containsProperty(CUDA_LOGGER)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("glimpse-cpu-quiet-logging", Map.of(CUDA_LOGGER, "error")));
        }
    }
}
