package dev.glimpse.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** One action's token buckets, one per client: in this instance's memory, or shared by all instances. */
interface ClientBuckets {

    /** Takes a token for the client: {@link Duration#ZERO} if granted, else how long until one is available. */
    Duration take(String client);

    /** {@code perMinute} tokens, all of which a quiet client may spend at once, refilled evenly over a minute. */
    static BucketConfiguration perMinute(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
