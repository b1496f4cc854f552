package dev.glimpse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.glimpse.ingest.IngestOutcome;
import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageRepository;
import dev.glimpse.library.ImageStatus;
import dev.glimpse.testsupport.CapturedLog;
import dev.glimpse.testsupport.GlimpseTest;
import dev.glimpse.testsupport.TestImages;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lease renewal tells a lost lease from a finished image. The pipeline releases an image from the set it renews just
 * after the image's outcome commits, so a renewal can find an image in its hands that this worker has already
 * captioned: that is not a lost lease and logs nothing (it used to log "lease lost" under load). An image another
 * instance has taken over is a lost lease, logged as one warning.
 */
@GlimpseTest
class LeaseRenewalTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ImageRepository images;

    @Autowired
    ImageClaims claims;

    @Autowired
    JdbcClient jdbc;

    @Test
    void imageFinishedByThisWorkerBeforeItsReleaseIsNotALostLease() {
        UUID id = captioned("finished-before-release.png", 7101);
        LeaseRenewal renewal = new LeaseRenewal(claims, Duration.ofMinutes(1));
        renewal.hold(id); // still in the worker's hands: its release comes just after the READY commit

        Set<UUID> lost;
        CapturedLog log = CapturedLog.start();
        try (log) {
            lost = renewal.renewOnce();
        }

        System.out.println("Lost: " + lost + "; pipeline warnings: " + log.warningsFrom("dev.glimpse.pipeline"));
        assertThat(lost).isEmpty();
        assertThat(log.warningsFrom("dev.glimpse.pipeline")).isEmpty();
    }

    @Test
    void imageTakenOverByAnotherInstanceIsALostLeaseLoggedOnce() {
        UUID id = captioned("taken-over.png", 7102);
        jdbc.sql("""
                        UPDATE image SET status = 'CAPTIONING', claimed_at = now(), claimed_by = 'another-instance',
                               lease_expires_at = now() + interval '1 hour'
                        WHERE id = :id""").param("id", id).update();
        LeaseRenewal renewal = new LeaseRenewal(claims, Duration.ofMinutes(1));
        renewal.hold(id);
        Set<UUID> lost;
        CapturedLog log = CapturedLog.start();
        try (log) {
            lost = renewal.renewOnce();
        } finally {
            jdbc.sql("""
                            UPDATE image SET status = 'READY', claimed_at = NULL, claimed_by = NULL,
                                   lease_expires_at = NULL
                            WHERE id = :id""").param("id", id).update();
        }

        System.out.println("Lost: " + lost + "; pipeline warnings: " + log.warningsFrom("dev.glimpse.pipeline"));
        assertThat(lost).containsExactly(id);
        assertThat(log.warningsFrom("dev.glimpse.pipeline"))
                .singleElement()
                .asString()
                .contains("lease lost")
                .contains(id.toString());
    }

    @Test
    void imageStillClaimedByThisInstanceIsRenewed() {
        UUID id = captioned("still-mine.png", 7103);
        jdbc.sql("""
                        UPDATE image SET status = 'CAPTIONING', claimed_at = now(), claimed_by = :instance,
                               lease_expires_at = now() + interval '1 hour'
                        WHERE id = :id""").param("id", id).param("instance", claims.instance()).update();
        try {
            LeaseRenewal renewal = new LeaseRenewal(claims, Duration.ofMinutes(1));
            renewal.hold(id);

            assertThat(renewal.renewOnce()).isEmpty();
            assertThat(claims.renew(Set.of(id))).containsExactly(id);
        } finally {
            jdbc.sql("""
                            UPDATE image SET status = 'READY', claimed_at = NULL, claimed_by = NULL,
                                   lease_expires_at = NULL
                            WHERE id = :id""").param("id", id).update();
        }
    }

    private UUID captioned(String name, long seed) {
        IngestOutcome outcome = ingest.ingest(name, TestImages.png(64, 48, seed));
        UUID id = ((IngestOutcome.Stored) outcome).image().id();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> images.findById(id).orElseThrow().getStatus() == ImageStatus.READY);
        return id;
    }
}
