package dev.glimpse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** An OIDC provider configured the standard Spring way is offered on the login page and used for sign-in. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "glimpse.security.enabled=true",
            "spring.security.oauth2.client.registration.example.client-id=glimpse",
            "spring.security.oauth2.client.registration.example.client-secret=secret",
            "spring.security.oauth2.client.registration.example.client-name=Example ID",
            "spring.security.oauth2.client.registration.example.scope=openid,profile",
            "spring.security.oauth2.client.registration.example.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.example.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.example.authorization-uri=https://id.example.test/authorize",
            "spring.security.oauth2.client.provider.example.token-uri=https://id.example.test/token",
            "spring.security.oauth2.client.provider.example.jwk-set-uri=https://id.example.test/jwks",
            "spring.security.oauth2.client.provider.example.user-info-uri=https://id.example.test/userinfo",
            "spring.security.oauth2.client.provider.example.user-name-attribute=sub"
        })
@ActiveProfiles("test")
@DirtiesContext // settings of its own: no other test shares this context
class OidcLoginTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void thePageSendsVisitorsToLoginAndTheProviderLinkStartsTheAuthorizationCodeFlow() throws Exception {
        HttpResponse<String> page = api.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> start = api.get("/oauth2/authorization/example");

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow())
                .startsWith("https://id.example.test/authorize?")
                .contains("client_id=glimpse", "response_type=code", "scope=openid%20profile");
        assertThat(api.get("/api/images").statusCode()).isEqualTo(401);
    }
}
