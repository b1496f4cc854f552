package dev.glimpse.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A refused API request from someone not signed in (for example a POST without a CSRF token, which is checked before
 * sign-in) is answered like any anonymous request, with 401; a signed-in user gets 403.
 */
final class ApiAccessDeniedHandler implements AccessDeniedHandler {

    private final AuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler signedIn = new AccessDeniedHandlerImpl();

    ApiAccessDeniedHandler(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    public void handle(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            entryPoint.commence(request, response, new InsufficientAuthenticationException("Sign in first", denied));
            return;
        }
        signedIn.handle(request, response, denied);
    }
}
