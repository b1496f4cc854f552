package dev.glimpse.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.SecuredGlimpseTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The limits on the running app, with users as clients (3 searches a minute in this context). */
@Tag("integration")
@SecuredGlimpseTest
class RateLimitApiTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void aUserOverTheSearchLimitGets429WhileAnotherUserCanStillSearch() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(search(SecuredGlimpseTest.ALICE_TOKEN).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = search(SecuredGlimpseTest.ALICE_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 20L);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("Slow down: at most 3 searches a minute");
        assertThat(search(SecuredGlimpseTest.BOB_TOKEN).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> search(String token) {
        return api.withToken(token).get("/api/search?q=cat");
    }
}
