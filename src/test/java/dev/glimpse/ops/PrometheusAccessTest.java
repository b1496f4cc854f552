package dev.glimpse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.SecuredGlimpseTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With sign-in required, Prometheus scrapes with an API token; anonymous callers get 401, not the metrics. */
@SecuredGlimpseTest
class PrometheusAccessTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp api = new GlimpseHttp(() -> port);

    @Test
    void metricsNeedAnApiTokenWhenSecurityIsOn() throws Exception {
        HttpResponse<String> anonymous = api.get("/actuator/prometheus");
        HttpResponse<String> withToken =
                api.withToken(SecuredGlimpseTest.BOB_TOKEN).get("/actuator/prometheus");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("glimpse_");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("glimpse_images{");
    }
}
