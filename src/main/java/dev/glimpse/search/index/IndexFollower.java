package dev.glimpse.search.index;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.IndexedImage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's Lucene index a replica of the database by following the change log ({@code image_change}):
 * it applies the changes after its position in sequence order, each image as the database holds it now (READY:
 * indexed with its caption and embedding; anything else or gone: removed), searchable at once, and commits the
 * documents together with the new position at most once per {@code glimpse.index.commit-interval}. It then announces
 * what changed ({@link IndexedChanges}), whichever instance changed it, so the library can tell open pages and the
 * pipeline.
 *
 * <p>At start it resumes from the position in the index's last commit and logs how many changes it replayed. It
 * rebuilds the whole index from the READY rows only when the index has no position (new, damaged, or from a version
 * before the change log) or when retention pruning removed changes it has not applied. It is woken by {@code NOTIFY}
 * and polls every {@code glimpse.outbox.poll-interval} as a backstop; the time from a change's commit to its
 * application here is the {@code glimpse.index.follower.lag} timer (percentiles over the last 5–10
 * minutes). Applying a change twice is harmless (it reads the current row), so a crash before a commit, or between
 * the index commit and anything else, loses nothing: the changes after the committed position are replayed.
 */
@Component
public class IndexFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final ImageIndex index;
    private final ChangeFeed feed;
    private final ApplicationEventPublisher events;
    private final OutboxProperties properties;
    private final DataSource dataSource;
    private final Clock clock;
    private final Timer lag;
    private final AtomicLong position = new AtomicLong(-1);
    private volatile boolean running;
    private @Nullable Thread thread;
    private Instant nextPrune = Instant.EPOCH;
    private boolean failing;

    IndexFollower(
            ImageIndex index,
            ChangeFeed feed,
            ApplicationEventPublisher events,
            OutboxProperties properties,
            DataSource dataSource,
            MeterRegistry meters,
            Clock clock) {
        this.index = index;
        this.feed = feed;
        this.events = events;
        this.properties = properties;
        this.dataSource = dataSource;
        this.clock = clock;
        this.lag = Timer.builder("glimpse.index.follower.lag")
                .description("From a change's commit to its application to this instance's index")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .distributionStatisticBufferLength(2)
                .register(meters);
        meters.gauge("glimpse.index.follower.position", position);
    }

    /** The sequence of the last change applied here (-1 before the first catch-up). */
    public long position() {
        return position.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true; // set before the thread runs: its loop goes on while this is true
        thread = Thread.ofPlatform().name("index-follower").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            // not interrupted: an interrupt that reaches Lucene's file I/O closes the index's files (and its write
            // lock) under the writer; the loop sees running=false within one poll interval and ends by itself
            try {
                thread.join(properties.pollInterval().plusSeconds(10));
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (ChangeNotifications notifications = new ChangeNotifications(dataSource, properties.listenRetry())) {
            while (running && !resume()) {
                Thread.sleep(properties.pollInterval());
            }
            while (running) {
                notifications.await(untilNextLook());
                if (running) {
                    step();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Commits applied changes whose commit is due; returns how long to wait for a notification: the poll interval, or
     * less when applied changes wait to be committed.
     */
    private Duration untilNextLook() {
        try {
            Duration untilCommit = index.commitWhenDue();
            return untilCommit.isZero() || untilCommit.compareTo(properties.pollInterval()) > 0
                    ? properties.pollInterval()
                    : untilCommit;
        } catch (RuntimeException e) {
            log.warn("Could not commit the index; trying again", e);
            return properties.pollInterval();
        }
    }

    /** Start: replay from the stored position, or rebuild; false when the database could not be reached. */
    private boolean resume() {
        try {
            OptionalLong stored = index.appliedSequence();
            long pruned = feed.prunedThrough();
            if (stored.isEmpty()) {
                rebuild("the index records no position (new, damaged, or written by an older version)");
            } else if (pruned > stored.getAsLong()) {
                rebuild("the change log was pruned through " + pruned + ", past this index's position "
                        + stored.getAsLong());
            } else {
                position.set(stored.getAsLong());
                long replayed = catchUp();
                log.info(
                        "Index follower resumed at sequence {}: replayed {} changes, now at {}",
                        stored.getAsLong(),
                        replayed,
                        position.get());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Index follower cannot start yet ({}); trying again", e.toString());
            return false;
        }
    }

    private void step() {
        if (Thread.interrupted() && !running) {
            return; // stopping
        } // else a stray interrupt: cleared, since one that reaches Lucene's file I/O closes the index for good
        try {
            if (feed.prunedThrough() > position.get()) {
                rebuild("the change log was pruned past this index's position " + position.get());
            }
            catchUp();
            pruneWhenDue();
            if (failing) {
                log.info("Index follower applies changes again, at sequence {}", position.get());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Index follower could not apply changes; retrying every poll interval", e);
                failing = true;
            }
        }
    }

    /** Applies every change after the position; returns how many. */
    private long catchUp() {
        long applied = 0;
        while (running) {
            List<ChangeFeed.Change> changes = feed.after(position.get(), properties.batchSize());
            if (changes.isEmpty()) {
                break;
            }
            apply(changes);
            applied += changes.size();
            if (changes.size() < properties.batchSize()) {
                break;
            }
        }
        return applied;
    }

    private void apply(List<ChangeFeed.Change> changes) {
        Set<UUID> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.imageId()));
        List<IndexedImage> upserts = feed.readyAmong(ids);
        Set<UUID> ready = upserts.stream().map(IndexedImage::id).collect(Collectors.toSet());
        List<UUID> deletes = ids.stream().filter(id -> !ready.contains(id)).toList();
        long last = changes.getLast().seq();
        index.apply(upserts, deletes, last);
        position.set(last);
        Instant now = clock.instant();
        for (ChangeFeed.Change change : changes) {
            lag.record(Duration.between(change.changedAt(), now).abs());
        }
        events.publishEvent(new IndexedChanges(List.copyOf(ids)));
    }

    private void rebuild(String reason) {
        long head = feed.head();
        long started = System.nanoTime();
        int documents = index.replaceAll(feed::forEachReady, head);
        position.set(head);
        log.warn(
                "Index rebuilt from the database because {}: {} images in {} ms, at sequence {}",
                reason,
                documents,
                (System.nanoTime() - started) / 1_000_000,
                head);
    }

    private void pruneWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(properties.pruneInterval());
        int removed = feed.prune(properties.retention());
        if (removed > 0) {
            log.info("Pruned {} changes older than {} from the change log", removed, properties.retention());
        }
    }
}
