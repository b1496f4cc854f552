package dev.glimpse.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets for one action, one per client key, in a bounded least-recently-used map. A bucket holds at most
 * {@code perMinute} tokens and refills at {@code perMinute} a minute; a bucket idle for a minute is full again and
 * therefore the same as no bucket, so such buckets are dropped, and beyond {@code maxClients} the least recently seen
 * client is forgotten. Calls are cheap and rare next to the work they guard, so one lock is enough.
 */
final class TokenBuckets {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Bucket> buckets;

    TokenBuckets(int perMinute, int maxClients, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > TokenBuckets.this.maxClients;
            }
        };
    }

    /** Takes a token for the client: {@link Duration#ZERO} if granted, else how long until one is available. */
    synchronized Duration take(String client) {
        long now = nanoTime.getAsLong();
        dropIdle(now);
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(perMinute, now));
        bucket.refill(now, perMinute);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
        double nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
        return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * nanosPerToken));
    }

    synchronized int trackedClients() {
        return buckets.size();
    }

    private void dropIdle(long now) {
        var eldest = buckets.entrySet().iterator();
        while (eldest.hasNext() && now - eldest.next().getValue().updated >= NANOS_PER_MINUTE) {
            eldest.remove();
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (double) (now - updated) * perMinute / NANOS_PER_MINUTE);
            updated = now;
        }
    }
}
