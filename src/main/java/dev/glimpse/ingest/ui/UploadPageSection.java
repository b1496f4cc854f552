package dev.glimpse.ingest.ui;

import com.vaadin.flow.component.Component;

/**
 * A section another feature adds to the main page below the upload area (such as the idle example gallery). The page
 * asks Spring for a fresh instance per page (prototype beans), so features can extend the page without the ingest
 * module depending on them, and tells each section while an upload is running.
 */
public interface UploadPageSection {

    /** The component to show; called once per page. */
    Component component();

    /** Called with true when an upload starts and with false when all running uploads have finished. */
    default void uploading(boolean busy) {}
}
