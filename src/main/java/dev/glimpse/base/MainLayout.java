package dev.glimpse.base;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.glimpse.serving.ModelMonitor;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every page: the product name, a line on what it does, what features put in the header (the
 * search box, {@link HeaderPart}), links to the upload and search pages, and who is signed in (with sign-out), and a
 * banner while a model is missing. The links name the routes by path, not by
 * view class, so that {@code base} depends on no feature. It also brings what every page needs in the browser: the
 * connection banner and the page-wide drop guard ({@code frontend/page-status.ts}).
 */
@PermitAll
@CssImport("./glimpse.css")
@JsModule("./page-status.ts")
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, ModelMonitor models, ObjectProvider<HeaderPart> parts) {
        H1 title = new H1("Glimpse");
        title.addClassName("app-title");
        Span tagline = new Span("Every image captioned. Find it again by what you remember.");
        tagline.addClassName("app-tagline");
        Nav links = new Nav(link("", "Upload", "nav-upload"), link("search", "Search", "nav-search"));
        links.getElement().setAttribute("aria-label", "Pages");
        links.addClassName("app-nav");
        Div header = new Div(title, tagline);
        parts.orderedStream().forEach(part -> header.add(part.create()));
        header.add(links);
        header.addClassName("app-header");
        if (authentication.isAuthenticated()) {
            authentication.getPrincipalName().ifPresent(name -> header.add(signedIn(name, authentication)));
        }
        Div frame = new Div(header, new ModelBanner(models));
        frame.addClassName("app-frame");
        addToNavbar(frame);
    }

    private static Div signedIn(String name, AuthenticationContext authentication) {
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div user = new Div(new Span(name), signOut);
        user.addClassName("app-user");
        return user;
    }

    private static Anchor link(String path, String text, String id) {
        Anchor link = new Anchor(path.isEmpty() ? "." : path, text);
        link.setId(id);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
