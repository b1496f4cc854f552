package dev.glimpse.serving;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.hub.HubClient;
import dev.glimpse.ml.hub.ModelStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model store and locator, with the engine configured once before any model loads. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    @Bean
    ModelStore modelStore(ModelsProperties properties, MeterRegistry meters) {
        return new ModelStore(
                properties.store(),
                new HubClient(properties.hubUrl(), HubClient.DEFAULT_STALL_TIMEOUT, meters),
                properties.offline());
    }

    @Bean
    ModelLocator modelLocator(ModelStore store, ModelsProperties properties) {
        properties.modelOptions().applyToEngine();
        return new ModelLocator(store);
    }
}
