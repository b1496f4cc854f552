package dev.glimpse.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import dev.glimpse.serving.ModelMonitor;
import dev.glimpse.serving.ModelState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One short line across the top of every page while a configured model is missing ("Captioning paused — a model is
 * missing"), opening to the whole explanation of what does not work and that it resumes by itself; hidden while every
 * model is available. Dismissed, it stays away for the rest of the visit until the message changes. Updated live
 * (pushed) when a model goes missing or appears. The technical reason is in the {@code models} health component.
 */
@CssImport("./model-banner.css")
@CssImport("./page-status.css")
class ModelBanner extends Div {

    private static final String DISMISSED = ModelBanner.class.getName() + ".dismissed";

    private final ModelMonitor models;
    private final NativeDetails details;
    private final Paragraph explanation = new Paragraph();
    private String message = "";
    private @Nullable Runnable unsubscribe;

    ModelBanner(ModelMonitor models) {
        this.models = models;
        setId("model-banner");
        addClassName("model-banner");
        getElement().setAttribute("role", "status");
        explanation.addClassName("model-banner-text");
        details = new NativeDetails("", explanation);
        details.addClassName("model-banner-details");
        Button dismiss = new Button("✕", click -> dismiss());
        dismiss.setId("model-banner-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        dismiss.setAriaLabel("Dismiss this notice");
        dismiss.addClassName("model-banner-dismiss");
        add(details, dismiss);
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

    private void dismiss() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(DISMISSED, message);
        }
        setVisible(false);
    }

    private void refresh() {
        List<ModelState> missing =
                models.states().stream().filter(ModelState::missing).toList();
        message = missing.isEmpty() ? "" : message(missing);
        VaadinSession session = VaadinSession.getCurrent();
        boolean dismissed = session != null && message.equals(session.getAttribute(DISMISSED));
        setVisible(!missing.isEmpty() && !dismissed);
        details.setSummaryText(missing.isEmpty() ? "" : headline(missing));
        explanation.setText(message);
    }

    /** One line, short enough for a phone. */
    static String headline(List<ModelState> missing) {
        List<String> roles = missing.stream().map(ModelState::role).toList();
        boolean captions = roles.contains("caption") || roles.contains("embedding");
        boolean voice = roles.contains("speech");
        if (captions && voice) {
            return "Captioning paused, no voice search — models missing";
        }
        return captions ? "Captioning paused — a model is missing" : "Voice search off — speech model missing";
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
