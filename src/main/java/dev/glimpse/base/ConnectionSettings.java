package dev.glimpse.base;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * How a page behaves when the server cannot be reached: it tries again every second (Vaadin's default, five, left a
 * page dead for up to a minute after a restart) for as long as the page is open, and the words match the page's own
 * banner ({@code frontend/page-status.ts}), which replaces Vaadin's hidden indicator text.
 */
@Component
class ConnectionSettings implements VaadinServiceInitListener {

    static final int RECONNECT_INTERVAL_MILLIS = 1000;
    /** About a day of attempts: the page never gives up on its own while it is open. */
    static final int RECONNECT_ATTEMPTS = 86_400;

    static final String RETRYING = "Can't reach Glimpse — retrying…";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            ReconnectDialogConfiguration reconnect = init.getUI().getReconnectDialogConfiguration();
            reconnect.setReconnectInterval(RECONNECT_INTERVAL_MILLIS);
            reconnect.setReconnectAttempts(RECONNECT_ATTEMPTS);
            reconnect.setDialogText(RETRYING);
            reconnect.setDialogTextGaveUp("Can't reach Glimpse. Reload the page to try again.");
        });
    }
}
