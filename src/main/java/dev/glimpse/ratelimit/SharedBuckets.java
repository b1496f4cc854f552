package dev.glimpse.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limit_bucket}) through Bucket4j's proxy manager, so every instance on
 * the database counts against the same limit. Each take locks the client's row ({@code SELECT … FOR UPDATE}), updates
 * the serialised bucket and commits: one short transaction per limited request. A row expires once its bucket would
 * be full again; expired rows are removed at most once a minute by whichever instance gets there first.
 */
final class SharedBuckets implements ClientBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);
    private static final long CLEANUP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final String prefix;
    private final BucketConfiguration configuration;
    private final AtomicLong nextCleanup = new AtomicLong(System.nanoTime() + CLEANUP_EVERY_NANOS);

    SharedBuckets(DataSource dataSource, String action, int perMinute) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.prefix = action + ":";
        this.configuration = ClientBuckets.perMinute(perMinute);
    }

    @Override
    public Duration take(String client) {
        cleanUpWhenDue();
        ConsumptionProbe probe =
                proxies.builder().build(prefix + client, () -> configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private void cleanUpWhenDue() {
        long due = nextCleanup.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_NANOS)) {
            return;
        }
        try {
            proxies.removeExpired(1000);
        } catch (RuntimeException e) {
            log.debug("Could not remove expired rate-limit buckets", e);
        }
    }
}
