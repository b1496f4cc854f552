package dev.glimpse.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bucket4j token buckets for one action in this instance's memory, one per client key, in a bounded
 * least-recently-used map. A bucket holds at most {@code perMinute} tokens and refills greedily at {@code perMinute} a
 * minute; a bucket idle for a minute is full again and therefore the same as no bucket, so such buckets are dropped,
 * and beyond {@code maxClients} the least recently seen client is forgotten.
 */
final class TokenBuckets implements ClientBuckets {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final TimeMeter clock;
    private final LinkedHashMap<String, Tracked> buckets;

    TokenBuckets(int perMinute, int maxClients, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > TokenBuckets.this.maxClients;
            }
        };
    }

    @Override
    public synchronized Duration take(String client) {
        long now = nanoTime.getAsLong();
        dropIdle(now);
        Tracked tracked = buckets.computeIfAbsent(
                client,
                key -> new Tracked(Bucket.builder()
                        .withCustomTimePrecision(clock)
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .build()));
        tracked.lastUsed = now;
        ConsumptionProbe probe = tracked.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    synchronized int trackedClients() {
        return buckets.size();
    }

    private void dropIdle(long now) {
        var eldest = buckets.entrySet().iterator();
        while (eldest.hasNext() && now - eldest.next().getValue().lastUsed >= NANOS_PER_MINUTE) {
            eldest.remove();
        }
    }

    private static final class Tracked {
        private final Bucket bucket;
        private long lastUsed;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
