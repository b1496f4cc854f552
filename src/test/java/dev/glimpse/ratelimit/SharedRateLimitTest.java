package dev.glimpse.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.ratelimit.RateLimiter.Action;
import dev.glimpse.ratelimit.RateLimiter.Decision;
import dev.glimpse.testsupport.GlimpseTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With {@code glimpse.rate-limit.shared=true} two instances (two limiters on one PostgreSQL) count a client's requests
 * together: what one granted, the other cannot grant again, and the refusal says how long to wait.
 */
@GlimpseTest
class SharedRateLimitTest {

    @Autowired
    DataSource dataSource;

    @Test
    void twoInstancesOnOneDatabaseShareEachClientsAllowance() {
        RateLimitProperties properties = new RateLimitProperties(true, 120, 10, 3, 100, true);
        RateLimiter first = new RateLimiter(properties, dataSource);
        RateLimiter second = new RateLimiter(properties, dataSource);
        String client = "client-" + UUID.randomUUID();

        assertThat(first.acquire(Action.SEARCH, client).allowed()).isTrue();
        assertThat(second.acquire(Action.SEARCH, client).allowed()).isTrue();
        assertThat(first.acquire(Action.SEARCH, client).allowed()).isTrue();
        Decision refused = second.acquire(Action.SEARCH, client);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(first.acquire(Action.SEARCH, "someone-else-" + UUID.randomUUID())
                        .allowed())
                .isTrue();
        assertThat(second.acquire(Action.UPLOAD, client).allowed())
                .as("each action has its own bucket")
                .isTrue();
    }

    @Test
    void inMemoryLimitersDoNotShare() {
        RateLimitProperties properties = new RateLimitProperties(true, 120, 10, 1, 100, false);
        RateLimiter first = new RateLimiter(properties, dataSource);
        RateLimiter second = new RateLimiter(properties, dataSource);

        assertThat(first.acquire(Action.SEARCH, "c").allowed()).isTrue();
        assertThat(first.acquire(Action.SEARCH, "c").allowed()).isFalse();
        assertThat(second.acquire(Action.SEARCH, "c").allowed()).isTrue();
    }
}
