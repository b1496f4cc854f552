package dev.glimpse.examples;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;

/**
 * The browser-side idle timer ({@code frontend/idle-tracker.ts}): after {@code idleAfter} without pointer movement,
 * key press, touch or scroll anywhere on the page it fires one {@link IdleEvent}; activity restarts the timer and the
 * next idle period fires again.
 */
@Tag("glimpse-idle-tracker")
@JsModule("./idle-tracker.ts")
public class IdleTracker extends Component {

    public IdleTracker(Duration idleAfter) {
        getElement().setAttribute("idle-millis", Long.toString(idleAfter.toMillis()));
        getElement().setAttribute("aria-hidden", "true");
    }

    public Registration addIdleListener(ComponentEventListener<IdleEvent> listener) {
        return addListener(IdleEvent.class, listener);
    }

    /** The page has been idle for the configured time. */
    @DomEvent("glimpse-idle")
    public static class IdleEvent extends ComponentEvent<IdleTracker> {
        public IdleEvent(IdleTracker source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
