package dev.glimpse.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line across the top of every page while a configured model is missing, saying in plain words what does not work
 * and that it resumes by itself; hidden while every model is available. Updated live (pushed) when a model goes
 * missing or appears. The technical reason is in the {@code models} health component, for the operator.
 */
@CssImport("./model-banner.css")
class ModelBanner extends Div {

    private final ModelMonitor models;
    private @Nullable Runnable unsubscribe;

    ModelBanner(ModelMonitor models) {
        this.models = models;
        setId("model-banner");
        addClassName("model-banner");
        getElement().setAttribute("role", "status");
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = models.onChange(() -> ui.access(this::refresh));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void refresh() {
        List<ModelState> missing =
                models.states().stream().filter(ModelState::missing).toList();
        setVisible(!missing.isEmpty());
        setText(missing.isEmpty() ? "" : message(missing));
    }

    static String message(List<ModelState> missing) {
        List<String> roles = missing.stream().map(ModelState::role).toList();
        StringBuilder text = new StringBuilder();
        if (roles.contains("caption") || roles.contains("embedding")) {
            text.append("New images are stored but cannot be captioned yet: a model is missing on the server."
                    + " They will be captioned by themselves once it is available.");
        }
        if (roles.contains("embedding")) {
            text.append(" Search finds images by the words of their captions only.");
        }
        if (roles.contains("speech")) {
            text.append(text.isEmpty() ? "" : " ")
                    .append("Voice search is unavailable: the speech model is missing; type your search instead.");
        }
        return text.append(" (Administrators: see /actuator/health.)").toString();
    }
}
