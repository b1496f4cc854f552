package dev.glimpse.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ImageRepository extends JpaRepository<Image, UUID> {

    Optional<Image> findBySha256(String sha256);

    Page<Image> findAllByOrderByCreatedAtDesc(Pageable pageable);

    Page<Image> findByStatusNotOrderByCreatedAtDesc(ImageStatus status, Pageable pageable);

    long countByStatusNot(ImageStatus status);

    /** Images deleted from a page before {@code cutoff}, whose undo has run out. */
    @Query("select i.id from Image i where i.status = dev.glimpse.ingest.ImageStatus.DELETED and i.deletedAt < :cutoff")
    List<UUID> deletedBefore(@Param("cutoff") java.time.Instant cutoff);

    List<Image> findByStatus(ImageStatus status);

    Page<Image> findByStatusOrderByCreatedAtDesc(ImageStatus status, Pageable pageable);

    boolean existsByStorageKeyOrThumbnailKey(String storageKey, String thumbnailKey);

    /** The row's version while it is READY, read from the database (never from a persistence context's cache). */
    @Query("select i.version from Image i where i.id = :id and i.status = dev.glimpse.ingest.ImageStatus.READY")
    Optional<Long> readyVersion(@Param("id") UUID id);

    @Query("select i.storageKey from Image i where i.storageKey in :keys")
    List<String> storageKeysIn(@Param("keys") Collection<String> keys);

    @Query("select i.thumbnailKey from Image i where i.thumbnailKey in :keys")
    List<String> thumbnailKeysIn(@Param("keys") Collection<String> keys);
}
