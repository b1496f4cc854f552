package dev.glimpse.library;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImageRepository extends JpaRepository<Image, UUID> {

    Optional<Image> findBySha256(String sha256);

    Page<Image> findAllByOrderByCreatedAtDesc(Pageable pageable);

    Page<Image> findByStatusNotOrderByCreatedAtDesc(ImageStatus status, Pageable pageable);

    /** The library as it is listed: latest taken first, the upload time standing in when unknown. */
    Page<Image> findByStatusNotOrderByCaptureTakenAtDescCreatedAtDescIdDesc(ImageStatus status, Pageable pageable);

    /** Images whose capture facts were not read yet (rows from before they were recorded), a batch at a time. */
    @Query("select i.id from Image i where i.capture.takenAtSource is null order by i.createdAt")
    List<UUID> withoutFacts(Pageable pageable);

    long countByStatusNot(ImageStatus status);

    /** Images deleted from a page before {@code cutoff}, whose undo has run out. */
    @Query(
            "select i.id from Image i where i.status = dev.glimpse.library.ImageStatus.DELETED and i.deletedAt < :cutoff")
    List<UUID> deletedBefore(@Param("cutoff") java.time.Instant cutoff);

    List<Image> findByStatus(ImageStatus status);

    Page<Image> findByStatusOrderByCreatedAtDesc(ImageStatus status, Pageable pageable);

    boolean existsByStorageKeyOrThumbnailKey(String storageKey, String thumbnailKey);

    /** The row's version while it is READY, read from the database (never from a persistence context's cache). */
    @Query("select i.version from Image i where i.id = :id and i.status = dev.glimpse.library.ImageStatus.READY")
    Optional<Long> readyVersion(@Param("id") UUID id);

    /** Every FAILED image, oldest first. */
    @Query("select i.id from Image i where i.status = dev.glimpse.library.ImageStatus.FAILED order by i.createdAt")
    List<UUID> failedIds();

    /** The FAILED images that failed for {@code kind}, oldest first. */
    @Query("select i.id from Image i where i.status = dev.glimpse.library.ImageStatus.FAILED"
            + " and i.failureKind = :kind order by i.createdAt")
    List<UUID> failedIds(@Param("kind") FailureKind kind);

    /** Rows per status: {@code [ImageStatus, Long]} pairs. */
    @Query("select i.status, count(i) from Image i group by i.status")
    List<Object[]> countByStatus();

    /** FAILED rows per failure kind (null: failed before kinds were recorded): {@code [FailureKind, Long]} pairs. */
    @Query("select i.failureKind, count(i) from Image i where i.status = dev.glimpse.library.ImageStatus.FAILED"
            + " group by i.failureKind")
    List<Object[]> countFailedByKind();

    /** When the oldest claim still CAPTIONING was made. */
    @Query("select min(i.claimedAt) from Image i where i.status = dev.glimpse.library.ImageStatus.CAPTIONING")
    Optional<java.time.Instant> oldestClaim();

    /** When the image waiting longest (RECEIVED) was last changed (uploaded, released or queued again). */
    @Query("select min(i.updatedAt) from Image i where i.status = dev.glimpse.library.ImageStatus.RECEIVED")
    Optional<java.time.Instant> oldestWaiting();

    @Query("select i.storageKey from Image i where i.storageKey in :keys")
    List<String> storageKeysIn(@Param("keys") Collection<String> keys);

    @Query("select i.thumbnailKey from Image i where i.thumbnailKey in :keys")
    List<String> thumbnailKeysIn(@Param("keys") Collection<String> keys);
}
