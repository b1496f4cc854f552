package dev.glimpse.search;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Opens the index and repairs it against the database once the application has started. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    ImageIndex imageIndex(IndexProperties properties) {
        return new ImageIndex(properties.directory());
    }

    @Bean
    IndexRepair indexRepair(ImageIndex index, ReadyImages readyImages) {
        return new IndexRepair(index, readyImages);
    }

    @Bean
    RepairOnStart repairOnStart(IndexRepair repair, IndexProperties properties) {
        return new RepairOnStart(repair, properties);
    }

    record RepairOnStart(IndexRepair repair, IndexProperties properties) {
        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            if (properties.repairOnStart()) {
                repair.repair();
            }
        }
    }
}
