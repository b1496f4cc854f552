package dev.glimpse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.GlimpseHttp;
import dev.glimpse.testsupport.GlimpseTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With security off (the default for a local run) everything is open, and responses still carry the headers. */
@Tag("integration")
@GlimpseTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final GlimpseHttp http = new GlimpseHttp(() -> port);

    @Test
    void thePageIsOpenAndCarriesProtectiveHeadersThatLeaveVaadinScriptsAlone() throws Exception {
        HttpResponse<String> page = http.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PAGE_POLICY);
        assertThat(SecurityHeaders.PAGE_POLICY).doesNotContain("script-src", "style-src", "default-src");
    }

    @Test
    void theApiIsOpenWithoutATokenAndLoginForwardsToThePage() throws Exception {
        HttpResponse<String> api = http.get("/api/images");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(http.get("/login").statusCode()).isEqualTo(200);
    }
}
