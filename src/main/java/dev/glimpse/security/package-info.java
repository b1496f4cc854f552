/**
 * Who may use Glimpse. With {@code glimpse.security.enabled=true} the page needs a signed-in user (form login with
 * users and bcrypt hashes from configuration, or any OIDC provider configured under
 * {@code spring.security.oauth2.client}), and the JSON API needs a personal API token ({@code Authorization: Bearer})
 * or the page's session; only {@code /login}, static resources and {@code /actuator/health} stay open. With it off
 * everything is open and a warning says so at start. Either way responses carry Spring Security's protective headers.
 */
@NullMarked
package dev.glimpse.security;

import org.jspecify.annotations.NullMarked;
