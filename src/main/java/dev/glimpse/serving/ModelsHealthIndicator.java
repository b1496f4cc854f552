package dev.glimpse.serving;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code models} health component: UP while every configured model is loaded, on disk or downloadable; DOWN
 * while one is missing, with each model's state, the reason in words and the fix.
 */
@Component
class ModelsHealthIndicator implements HealthIndicator {

    private final ModelMonitor monitor;

    ModelsHealthIndicator(ModelMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        boolean missing = false;
        Health.Builder health = Health.up();
        for (ModelState state : monitor.states()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("model", state.model());
            details.put(
                    "state",
                    state.availability().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (state.missing()) {
                missing = true;
                details.put("reason", state.reason());
                details.put("detail", state.detail());
                details.put("fix", state.fix());
            }
            health.withDetail(state.role(), details);
        }
        return missing ? health.down().build() : health.build();
    }
}
