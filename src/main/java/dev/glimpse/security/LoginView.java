package dev.glimpse.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Sign in with a configured user name and password, or with one of the configured OIDC providers. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Glimpse")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final boolean securityEnabled;
    private final LoginForm form = new LoginForm();

    public LoginView(GlimpseSecurityProperties properties, ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.securityEnabled = properties.enabled();
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        add(new H1("Glimpse"));
        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        if (properties.users().stream().anyMatch(GlimpseSecurityProperties.User::canSignIn)) {
            add(form);
        }
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                if (registration instanceof ClientRegistration client) {
                    Anchor link = new Anchor(
                            "/oauth2/authorization/" + client.getRegistrationId(),
                            "Sign in with " + client.getClientName());
                    link.setRouterIgnore(true);
                    add(link);
                }
            }
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!securityEnabled) {
            event.forwardTo("");
            return;
        }
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            form.setError(true);
        }
        // A wrong password keeps the user name: the browser remembers it for this tab (never the password) and puts
        // it back after the failed attempt, with the focus in the password field.
        form.getElement().executeJs("""
                const form = this;
                form.addEventListener('login', e => sessionStorage.setItem('glimpse-user', e.detail.username));
                const name = sessionStorage.getItem('glimpse-user');
                if ($0 && name) {
                  requestAnimationFrame(() => {
                    const user = form.querySelector('vaadin-text-field');
                    const password = form.querySelector('vaadin-password-field');
                    if (user) { user.value = name; }
                    if (password) { password.focus(); }
                  });
                }""", failed);
    }
}
