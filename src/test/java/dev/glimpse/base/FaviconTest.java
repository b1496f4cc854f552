package dev.glimpse.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] icon = response.body();
        assertThat(icon.length).isGreaterThan(22);
        assertThat(new byte[] {icon[0], icon[1], icon[2], icon[3]}).containsExactly(0, 0, 1, 0);
    }
}
