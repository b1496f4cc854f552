package dev.glimpse.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Protective response headers for every response, on top of Spring Security's defaults ({@code nosniff}, no-store
 * cache control for dynamic responses, frame denial, HSTS over HTTPS). The Content-Security-Policy leaves scripts and
 * styles alone, because Vaadin's bootstrap needs inline ones; it forbids framing, plugins, foreign form targets and
 * base-URL tricks. Responses that set their own policy (served images) keep theirs.
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    static final String PERMISSIONS_POLICY = "camera=(), geolocation=(), payment=(), usb=(), microphone=(self)";

    private SecurityHeaders() {}

    static void apply(HttpSecurity http) {
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    }
}
