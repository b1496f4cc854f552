package dev.glimpse.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

    // the clock stands still: no token comes back during a test, however slowly it runs
    private final RateLimitFilter filter =
            new RateLimitFilter(new RateLimiter(new RateLimitProperties(true, 1, 1, 2, 100, false), () -> 0L));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void searchesOverTheLimitGet429WithRetryAfterAndAProblem() throws Exception {
        assertThat(send("GET", "/api/search", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send("POST", "/api/search", "10.0.0.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = send("GET", "/api/search", "10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 30L);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString())
                .contains("\"status\":429", "\"detail\":\"Slow down: at most 2 searches a minute");
    }

    @Test
    void anotherAddressIsNotAffected() throws Exception {
        send("GET", "/api/search", "10.0.0.1");
        send("GET", "/api/search", "10.0.0.1");
        assertThat(send("GET", "/api/search", "10.0.0.1").getStatus()).isEqualTo(429);

        assertThat(send("GET", "/api/search", "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void aSignedInUserIsLimitedByNameWhateverTheAddress() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "alice", null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        assertThat(send("POST", "/api/images", "10.0.0.1").getStatus()).isEqualTo(200);

        assertThat(send("POST", "/api/images", "10.0.0.9").getStatus()).isEqualTo(429);
    }

    @Test
    void uploadsTranscriptionsAndSearchesHaveSeparateLimitsAndReadsAreFree() throws Exception {
        assertThat(send("POST", "/api/images", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send("POST", "/api/search/voice", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send("GET", "/api/search", "10.0.0.1").getStatus()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(send("GET", "/api/images", "10.0.0.1").getStatus()).isEqualTo(200);
        }

        assertThat(send("POST", "/api/images", "10.0.0.1").getStatus()).isEqualTo(429);
        assertThat(send("POST", "/api/search/voice", "10.0.0.1").getStatus()).isEqualTo(429);
        MockHttpServletResponse voice = send("POST", "/api/search/voice", "10.0.0.1");
        assertThat(voice.getContentAsString()).contains("Slow down: at most 1 spoken searches a minute");
    }

    private MockHttpServletResponse send(String method, String path, String remoteAddress) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(remoteAddress);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
