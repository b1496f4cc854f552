package dev.glimpse.ratelimit;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking: {@code user:<name>} when signed in, else {@code ip:<remote address>} of the current HTTP or Vaadin
 * request (behind a reverse proxy, set {@code server.forward-headers-strategy} so this is the client's address).
 */
final class ClientKeys {

    private ClientKeys() {}

    /** The client of the request this thread is handling. */
    static String current() {
        String user = signedInUser();
        if (user != null) {
            return user;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return "ip:" + attributes.getRequest().getRemoteAddr();
        }
        VaadinRequest vaadinRequest = VaadinRequest.getCurrent();
        if (vaadinRequest != null) {
            return "ip:" + vaadinRequest.getRemoteAddr();
        }
        return "unknown";
    }

    /** The client of this request. */
    static String of(HttpServletRequest request) {
        String user = signedInUser();
        return user != null ? user : "ip:" + request.getRemoteAddr();
    }

    private static @Nullable String signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "user:" + authentication.getName();
        }
        return null;
    }
}
