package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers ask every site for {@code /favicon.ico}; Glimpse answers with its icon rather than a 404. */
@GlimpseTest
class FaviconTest {

    @LocalServerPort
    int port;

    @Test
    void theFaviconIsServed() throws Exception {
        HttpResponse<byte[]> response = new GlimpseHttp(port).getBytes("/favicon.ico");

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] icon = response.body();
        assertThat(icon.length).isGreaterThan(22);
        assertThat(new byte[] {icon[0], icon[1], icon[2], icon[3]}).containsExactly(0, 0, 1, 0);
    }
}
