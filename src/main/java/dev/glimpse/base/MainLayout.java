package dev.glimpse.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.glimpse.ml.ModelMonitor;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every page: the product name, a line on what it does, links to the upload and search pages, and
 * who is signed in (with sign-out), and a banner while a model is missing. The links name the routes by path, not by view class, so that {@code base}
 * depends on no feature.
 */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, ModelMonitor models) {
        H1 title = new H1("Glimpse");
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        Span tagline = new Span("Every image captioned. Find it again by what you remember.");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Nav links = new Nav(link("", "Upload", "nav-upload"), link("search", "Search", "nav-search"));
        links.getElement().setAttribute("aria-label", "Pages");
        links.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-m)")
                .set("margin-left", "auto");
        HorizontalLayout header = new HorizontalLayout(title, tagline, links);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        VerticalLayout headerAndBanner = new VerticalLayout(header, new ModelBanner(models));
        headerAndBanner.setPadding(false);
        headerAndBanner.setSpacing(false);
        addToNavbar(headerAndBanner);
        if (authentication.isAuthenticated()) {
            authentication.getPrincipalName().ifPresent(name -> addToNavbar(signedIn(name, authentication)));
        }
    }

    private static HorizontalLayout signedIn(String name, AuthenticationContext authentication) {
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout user = new HorizontalLayout(new Span(name), signOut);
        user.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        user.getStyle().set("margin-left", "auto").set("padding", "0 var(--lumo-space-m)");
        return user;
    }

    private static Anchor link(String path, String text, String id) {
        Anchor link = new Anchor(path.isEmpty() ? "." : path, text);
        link.setId(id);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
