package dev.glimpse.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per-client limits on uploads, transcriptions and searches, as Bucket4j token buckets: in this instance's memory, or
 * in PostgreSQL when several instances share a database ({@code glimpse.rate-limit.shared=true}), so that a client
 * gets the same allowance however a load balancer spreads its requests. Call {@link #acquire(Action)} before doing the work, on
 * the thread that handles the user's request (a Vaadin listener or request handler, or an HTTP request): the client is
 * the signed-in user, else the remote address. When the decision is not {@link Decision#allowed()}, do nothing and
 * show {@link Decision#message()}.
 */
@Component
public class RateLimiter {

    /** The limited actions. */
    public enum Action {
        UPLOAD("uploads"),
        TRANSCRIPTION("spoken searches"),
        SEARCH("searches");

        private final String plural;

        Action(String plural) {
            this.plural = plural;
        }
    }

    /** Whether an action may run now, and if not, how long the client should wait. */
    public record Decision(Action action, int perMinute, Duration retryAfter) {

        public boolean allowed() {
            return retryAfter.isZero();
        }

        /** Whole seconds to wait, at least 1 when refused (the {@code Retry-After} value). */
        public long retryAfterSeconds() {
            return allowed() ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        /** One lower-case phrase for the person, e.g. to follow a file name. */
        public String reason() {
            return "slow down, at most " + perMinute + " " + action.plural + " a minute are allowed; try again in "
                    + retryAfterSeconds() + " s";
        }

        /** One sentence for the person: "Slow down: …". */
        public String message() {
            return "Slow down: at most " + perMinute + " " + action.plural + " a minute are allowed. Try again in "
                    + retryAfterSeconds() + " s.";
        }
    }

    private final RateLimitProperties properties;
    private final Map<Action, ClientBuckets> buckets = new EnumMap<>(Action.class);

    /** In memory, or shared through the database when {@code glimpse.rate-limit.shared} is on. */
    @Autowired
    public RateLimiter(RateLimitProperties properties, DataSource dataSource) {
        this.properties = properties;
        for (Action action : Action.values()) {
            buckets.put(
                    action,
                    properties.shared()
                            ? new SharedBuckets(dataSource, action.name(), properties.perMinute(action))
                            : new TokenBuckets(
                                    properties.perMinute(action), properties.maxClients(), System::nanoTime));
        }
    }

    /** In memory, on the given clock (tests). */
    RateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        for (Action action : Action.values()) {
            buckets.put(action, new TokenBuckets(properties.perMinute(action), properties.maxClients(), nanoTime));
        }
    }

    /** Takes one permit for the current client (signed-in user, else remote address). */
    public Decision acquire(Action action) {
        return acquire(action, ClientKeys.current());
    }

    /** Takes one permit for the given client key. */
    public Decision acquire(Action action, String clientKey) {
        int perMinute = properties.perMinute(action);
        if (!properties.enabled()) {
            return new Decision(action, perMinute, Duration.ZERO);
        }
        return new Decision(action, perMinute, buckets.get(action).take(clientKey));
    }
}
