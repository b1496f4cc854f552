package dev.glimpse.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Protective response headers for every response, on top of Spring Security's defaults ({@code nosniff}, no-store
 * cache control for dynamic responses, frame denial, HSTS over HTTPS). The Content-Security-Policy leaves scripts and
 * styles alone, because Vaadin's bootstrap needs inline ones; it forbids framing, plugins, foreign form targets and
 * base-URL tricks. API responses that set their own policy or caching (served images) keep theirs.
 *
 * <p>Pages are forwarded to the Vaadin servlet, and a forwarded response is committed past Spring Security's response
 * wrapper, so page headers are written eagerly, before the request is handled; Vaadin sets its own caching headers
 * there, so Spring's no-cache headers are left out for pages.
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    static final String PERMISSIONS_POLICY = "camera=(), geolocation=(), payment=(), usb=(), microphone=(self)";

    private SecurityHeaders() {}

    static void applyToApi(HttpSecurity http) {
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    }

    static void applyToPages(HttpSecurity http) {
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .cacheControl(cache -> cache.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }
}
