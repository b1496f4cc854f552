package dev.glimpse.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every page: the product name, a line on what it does, and who is signed in (with sign-out). */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        H1 title = new H1("Glimpse");
        title.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin", "0");
        Span tagline = new Span("Every image captioned. Find it again by what you remember.");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout header = new HorizontalLayout(title, tagline);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
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
}
