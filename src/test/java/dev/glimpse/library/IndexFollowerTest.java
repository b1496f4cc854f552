package dev.glimpse.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.search.ImageIndex;
import dev.glimpse.search.index.ChangeLog;
import dev.glimpse.search.index.IndexFollower;
import dev.glimpse.testsupport.GlimpseTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index follower applies what the change log says, whoever wrote it: a row written and logged by "another
 * instance" (plain SQL on the shared database, no event in this JVM) reaches this instance's index and its open pages;
 * and a second writer waits for the first to commit, so sequence order is commit order.
 */
@GlimpseTest
class IndexFollowerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChangeLog outbox;

    @Autowired
    IndexFollower follower;

    @Autowired
    ImageIndex index;

    @Autowired
    ImageUpdates updates;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChangeMadeByAnotherInstanceReachesThisIndexAndItsPages() {
        List<ImageUpdates.Update> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = updates.subscribe(seen::add);
        try {
            UUID id = UUID.randomUUID();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                insertReadyRow(id, "a lighthouse painted by another instance");
                outbox.append(id, "READY");
            });

            await().atMost(PATIENCE).until(() -> index.documentsFor(id) == 1);
            assertThat(index.caption(id)).hasValue("a lighthouse painted by another instance");
            await().atMost(PATIENCE)
                    .until(() -> seen.stream()
                            .anyMatch(update -> update.id().equals(id)
                                    && update.image() != null
                                    && update.image().status() == ImageStatus.READY));

            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM image WHERE id = :id").param("id", id).update();
                outbox.append(id, "DELETED");
            });

            await().atMost(PATIENCE).until(() -> index.documentsFor(id) == 0);
            await().atMost(PATIENCE)
                    .until(() -> seen.stream().anyMatch(update -> update.id().equals(id) && update.deleted()));
        } finally {
            subscription.close();
        }
    }

    @Test
    void aSecondWriterWaitsUntilTheFirstHasCommittedSoSequenceOrderIsCommitOrder() throws Exception {
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                Future<Long> first = threads.submit(() -> transaction.execute(status -> {
                    long seq = outbox.append(UUID.randomUUID(), "RECEIVED");
                    firstAppended.countDown();
                    awaitQuietly(releaseFirst);
                    return seq;
                }));
                firstAppended.await();
                Future<Long> second = threads.submit(() -> outbox.append(UUID.randomUUID(), "RECEIVED"));

                // the second writer is blocked on the writers' advisory lock while the first is still open
                await().atMost(PATIENCE).until(() -> waitingForAdvisoryLock() > 0);
                assertThat(second).isNotDone();

                releaseFirst.countDown();
                assertThat(second.get()).isGreaterThan(first.get());
            } finally {
                releaseFirst.countDown();
            }
        }
    }

    private long waitingForAdvisoryLock() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class)
                .single();
    }

    private void insertReadyRow(UUID id, String caption) {
        String vector = "{1" + ",0".repeat(383) + "}";
        jdbc.sql("""
                        INSERT INTO image (id, sha256, original_name, mime_type, width, height, byte_size,
                                           storage_key, thumbnail_key, caption, caption_model, embedding,
                                           embedding_model, status, created_at, updated_at, version)
                        VALUES (:id, :sha, 'elsewhere.png', 'image/png', 10, 10, 100, :key, :thumb, :caption,
                                'another-instance', CAST(:embedding AS float4[]), 'another-instance', 'READY', now(), now(), 0)
                        """)
                .param("id", id)
                .param("sha", id.toString().replace("-", "") + id.toString().replace("-", ""))
                .param("key", "missing/" + id)
                .param("thumb", "missing/t-" + id)
                .param("caption", caption)
                .param("embedding", vector)
                .update();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
