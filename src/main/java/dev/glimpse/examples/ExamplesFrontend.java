package dev.glimpse.examples;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the production frontend bundle include the gallery's browser code: the main page only knows the gallery as
 * an {@link dev.glimpse.ingest.ui.UploadPageSection}, so the bundle scanner cannot reach it from the route; service init
 * listeners are scanned as entry points. At start it logs which example sources are on.
 */
@SpringComponent
@Uses(ExampleGallery.class)
@Uses(IdleTracker.class)
class ExamplesFrontend implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ExamplesFrontend.class);

    private final ExamplesProperties properties;

    ExamplesFrontend(ExamplesProperties properties) {
        this.properties = properties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!properties.enabled()) {
            log.info("Idle examples are off");
            return;
        }
        log.info(
                "Idle examples after {}: remote {}, library {}, folder {}",
                properties.idleAfter(),
                properties.remote().configured() ? properties.remote().url() : "off",
                properties.library().enabled() ? "on" : "off",
                properties.folder().configured() ? properties.folder().path() : "off");
    }
}
