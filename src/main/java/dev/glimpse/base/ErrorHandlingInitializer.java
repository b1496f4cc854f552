package dev.glimpse.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Unexpected errors are logged in full and shown to the user as one plain sentence, never as a stack trace. */
@Component
class ErrorHandlingInitializer implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingInitializer.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(session -> session.getSession().setErrorHandler(error -> {
                    log.error("Unexpected error in the UI", error.getThrowable());
                    UI ui = UI.getCurrent();
                    if (ui != null) {
                        ui.access(() -> Notification.show(
                                        "Something went wrong on our side. Your images are safe; please try again.",
                                        6000,
                                        Notification.Position.BOTTOM_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR));
                    }
                }));
    }
}
