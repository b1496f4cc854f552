package dev.glimpse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.SecuredGlimpseTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Tag("integration")
@SecuredGlimpseTest
class AccessControlTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final GlimpseHttp anonymous = new GlimpseHttp(() -> port);

    @Test
    void everyApiEndpointRefusesAnonymousRequestsWith401() throws Exception {
        List<String> endpoints = apiEndpoints();
        assertThat(endpoints)
                .contains(
                        "GET /api/images",
                        "POST /api/images",
                        "DELETE /api/images/{id}",
                        "GET /api/images/{id}/content",
                        "GET /api/search",
                        "POST /api/search/voice");
        for (String endpoint : endpoints) {
            HttpResponse<String> response = anonymous.send(request(endpoint).build());
            assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(endpoint)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(response.body()).as(endpoint).contains("\"status\":401");
        }
    }

    @Test
    void pagesAndOtherEndpointsSendAnonymousVisitorsToLogin() throws Exception {
        for (String path : List.of("/", "/?q=cat", "/actuator/info", "/actuator", "/no-such-page")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void loginPageAndHealthStayOpen() throws Exception {
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aValidTokenOpensTheApiForItsUser() throws Exception {
        for (String token : List.of(SecuredGlimpseTest.ALICE_TOKEN, SecuredGlimpseTest.BOB_TOKEN)) {
            HttpResponse<String> response = anonymous.withToken(token).get("/api/images");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"images\"");
            assertThat(response.headers().firstValue("Set-Cookie"))
                    .as("no session for token requests")
                    .isEmpty();
        }
    }

    @Test
    void aWrongTokenGets401EvenForOtherwiseOpenRequests() throws Exception {
        for (String token : List.of(
                "alice-token-x",
                "ALICE-TOKEN",
                "",
                "9c220f200955d76c0a38d308225e0ef10c5f971acaf2f8d1d8f732affa5bd1dc")) {
            HttpResponse<String> response = anonymous.withToken(token).get("/api/images");
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body()).contains("not valid");
        }
    }

    @Test
    void formLoginWithTheConfiguredUserOpensThePageAndTheApi() throws Exception {
        GlimpseHttp browser = anonymous.withCookies();

        HttpResponse<String> login = signIn(browser, "alice", SecuredGlimpseTest.ALICE_PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/images").statusCode()).isEqualTo(200);
        HttpResponse<String> writeWithoutCsrf = browser.delete("/api/images/" + UUID.randomUUID());
        assertThat(writeWithoutCsrf.statusCode())
                .as("session writes need a CSRF token")
                .isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsSentBackToTheLoginPage() throws Exception {
        GlimpseHttp browser = anonymous.withCookies();

        HttpResponse<String> login = signIn(browser, "alice", "wrong");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> signIn(GlimpseHttp browser, String user, String password) {
        String page = browser.get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = Map.of("username", user, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.post("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> apiEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern);
                }
                for (RequestMethod method : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    private HttpRequest.Builder request(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return anonymous.request(path).method(parts[0], HttpRequest.BodyPublishers.noBody());
    }
}
