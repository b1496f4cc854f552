package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.SecuredGlimpseTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With sign-in required, Prometheus scrapes with an API token; anonymous callers get 401, not the metrics. */
@SecuredGlimpseTest
class PrometheusAccessTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsNeedAnApiTokenWhenSecurityIsOn() throws Exception {
        HttpResponse<String> anonymous = scrape(HttpRequest.newBuilder(uri()));
        HttpResponse<String> withToken =
                scrape(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + SecuredGlimpseTest.BOB_TOKEN));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("glimpse_");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("glimpse_images{");
    }

    private HttpResponse<String> scrape(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/actuator/prometheus");
    }
}
