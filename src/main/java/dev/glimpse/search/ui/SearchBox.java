package dev.glimpse.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The search box in the header of every page: words typed here (Enter) or the microphone open the search page with
 * them ({@code /search?q=…}) or with the recorder listening ({@code /search?listen}). On the search page the page
 * lends its own box (words, microphone inside, Search) to the header in place of this one, so there is one box on
 * every page and it is always in the same place.
 */
@CssImport("./search-box.css")
class SearchBox extends Div {

    static final String LISTEN = "listen";

    private final TextField field = new TextField();
    private final Div own;
    private @Nullable Component lent;

    SearchBox() {
        addClassName("app-search");
        getElement().setAttribute("role", "search");
        field.setId("header-search-field");
        field.setAriaLabel("Search your images");
        field.setPlaceholder("Search your images…");
        field.addClassName("app-search-field");
        Button mic = new Button(VaadinIcon.MICROPHONE.create(), click -> go(QueryParameters.of(LISTEN, "")));
        mic.setId("header-mic");
        mic.setAriaLabel("Search by voice");
        mic.setTooltipText("Search by voice");
        mic.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        field.setSuffixComponent(mic);
        field.addKeyDownListener(Key.ENTER, enter -> {
            if (!field.getValue().isBlank()) {
                go(QueryParameters.of("q", field.getValue()));
            }
        });
        own = new Div(field);
        own.addClassName("app-search-own");
        add(own);
    }

    /** The header's box of the page showing in {@code ui}, if it has one. */
    static Optional<SearchBox> of(UI ui) {
        return Optional.ofNullable(ComponentUtil.getData(ui, SearchBox.class));
    }

    /** Shows {@code box} (the search page's) in place of this one until {@link #giveBack}. */
    void lend(Component box) {
        giveBack();
        lent = box;
        own.setVisible(false);
        add(box);
    }

    /** Takes the lent box out (it goes back to its lender's care) and shows this one again. */
    void giveBack() {
        if (lent != null) {
            remove(lent);
            lent = null;
        }
        own.setVisible(true);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ComponentUtil.setData(event.getUI(), SearchBox.class, this);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (ComponentUtil.getData(event.getUI(), SearchBox.class) == this) {
            ComponentUtil.setData(event.getUI(), SearchBox.class, null);
        }
    }

    private void go(QueryParameters parameters) {
        getUI().ifPresent(ui -> ui.navigate("search", parameters));
        field.clear();
    }
}
