package dev.glimpse.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two filter chains: {@code /api/**} (API token or the page's session; 401 problem otherwise) and everything else
 * through Vaadin's {@link VaadinSecurityConfigurer} (login view, Vaadin-aware CSRF, navigation access control).
 * With {@code glimpse.security.enabled=false} both chains let everything through and only add the headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    @Bean
    UserDetailsService userDetailsService(GlimpseSecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .filter(GlimpseSecurityProperties.User::canSignIn)
                .map(user -> User.withUsername(user.name())
                        .password(user.passwordHash().strip())
                        .roles("USER")
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, GlimpseSecurityProperties properties) throws Exception {
        // Prometheus scrapes /actuator/prometheus with an API token (authorization: credentials: <token>)
        http.securityMatcher("/api/**", "/actuator/prometheus");
        SecurityHeaders.applyToApi(http);
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // requests with a bearer token carry no cookie-based authority, so they need no CSRF token;
                // session-authenticated API writes still do
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearerToken))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ApiAccessDeniedHandler(entryPoint)))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiTokenFilter(new ApiTokens(properties.users()), entryPoint),
                        AnonymousAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(
            HttpSecurity http,
            GlimpseSecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> oidcProviders)
            throws Exception {
        SecurityHeaders.applyToPages(http);
        if (!properties.enabled()) {
            log.warn("SECURITY IS OFF (glimpse.security.enabled=false): anyone who can reach this server can upload, "
                    + "delete and search images. Set GLIMPSE_SECURITY_ENABLED=true and configure users before "
                    + "exposing it.");
            // Vaadin protects its own requests with its CSRF token; Spring's would block them without the configurer
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
        warnIfNobodyCanSignIn(properties, oidcProviders);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/error")
                .permitAll());
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(oauth2 -> oauth2.loginPage("/login"));
        }
        return http.with(
                        VaadinSecurityConfigurer.vaadin(),
                        vaadin -> vaadin.loginView(LoginView.class)
                                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .build();
    }

    private static void warnIfNobodyCanSignIn(
            GlimpseSecurityProperties properties, ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        boolean passwords = properties.users().stream().anyMatch(GlimpseSecurityProperties.User::canSignIn);
        boolean tokens = !new ApiTokens(properties.users()).isEmpty();
        log.info(
                "Security is on: {} user(s) with a password, API tokens {}, OIDC {}",
                properties.users().stream()
                        .filter(GlimpseSecurityProperties.User::canSignIn)
                        .count(),
                tokens ? "configured" : "none",
                oidcProviders.getIfAvailable() != null ? "configured" : "none");
        if (!passwords && oidcProviders.getIfAvailable() == null) {
            log.warn("Security is on but no user has a password and no OIDC provider is configured: nobody can sign "
                    + "in to the page. Set glimpse.security.users[0].name and .password-hash.");
        }
    }
}
