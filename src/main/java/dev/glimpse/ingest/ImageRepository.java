package dev.glimpse.ingest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImageRepository extends JpaRepository<Image, UUID> {

    Optional<Image> findBySha256(String sha256);

    Page<Image> findAllByOrderByCreatedAtDesc(Pageable pageable);

    List<Image> findByStatus(ImageStatus status);

    Page<Image> findByStatusOrderByCreatedAtDesc(ImageStatus status, Pageable pageable);

    boolean existsByStorageKeyOrThumbnailKey(String storageKey, String thumbnailKey);
}
