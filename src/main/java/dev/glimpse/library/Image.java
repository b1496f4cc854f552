package dev.glimpse.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored image: its metadata, where its bytes are, how it arrived ({@link OriginColumns}), its caption and embedding
 * once captioned ({@link CaptionColumns}) and when and where it was taken ({@link CaptureColumns}). Its one reason to
 * change is the {@code image} table.
 */
@Entity
@Table(name = "image")
public class Image {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String sha256;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "mime_type", nullable = false)
    private String mimeType;

    private int width;
    private int height;

    @Column(name = "byte_size")
    private long byteSize;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "thumbnail_key", nullable = false)
    private String thumbnailKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImageStatus status;

    @Column(name = "failure_reason")
    private @Nullable String failureReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_kind")
    private @Nullable FailureKind failureKind;

    @Column(name = "claimed_at")
    private @Nullable Instant claimedAt;

    @Column(name = "claimed_by")
    private @Nullable String claimedBy;

    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_delete")
    private @Nullable ImageStatus statusBeforeDelete;

    @Embedded
    private CaptionColumns captioned = new CaptionColumns();

    @Embedded
    private CaptureColumns capture = new CaptureColumns();

    @Version
    private long version;

    @Embedded
    private OriginColumns origin = new OriginColumns();

    protected Image() {}

    public Image(StoredUpload upload) {
        this.id = UUID.randomUUID();
        this.sha256 = upload.sha256();
        this.originalName = upload.fileName();
        this.mimeType = upload.mimeType();
        this.width = upload.width();
        this.height = upload.height();
        this.byteSize = upload.byteSize();
        this.storageKey = upload.storageKey();
        this.thumbnailKey = upload.thumbnailKey();
        this.status = ImageStatus.RECEIVED;
        recordFacts(upload.facts(), Instant.now());
    }

    /**
     * Records when, with what and where the photo was taken; {@code uploadedAt} stands in for an unknown capture time
     * ({@link CaptureColumns#record}).
     */
    public void recordFacts(PhotoFacts facts, Instant uploadedAt) {
        capture.record(facts, uploadedAt);
    }

    @PrePersist
    @PreUpdate
    void touch() {
        Instant now = Instant.now();
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSha256() {
        return sha256;
    }

    /** Marks the image as imported from {@code sourcePath} (captioned after uploads). */
    public void importedFrom(String sourcePath) {
        origin.importedFrom(sourcePath);
    }

    public @Nullable String getSourcePath() {
        return origin.sourcePath();
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getMimeType() {
        return mimeType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getByteSize() {
        return byteSize;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getThumbnailKey() {
        return thumbnailKey;
    }

    public @Nullable String getCaption() {
        return captioned.caption();
    }

    public @Nullable String getCaptionModel() {
        return captioned.captionModel();
    }

    public float @Nullable [] getEmbedding() {
        return captioned.embedding();
    }

    public @Nullable String getEmbeddingModel() {
        return captioned.embeddingModel();
    }

    public ImageStatus getStatus() {
        return status;
    }

    public @Nullable String getFailureReason() {
        return failureReason;
    }

    /** Why the image FAILED: the image itself, or a model that was missing (null for other states). */
    public @Nullable FailureKind getFailureKind() {
        return failureKind;
    }

    /** The instance holding the claim while the image is CAPTIONING. */
    public @Nullable String getClaimedBy() {
        return claimedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Everything known of when, with what and where, as one value. */
    public PhotoFacts getFacts() {
        return capture.facts();
    }

    /** Where the capture time came from; null only for a row not yet read back since the column was added. */
    public PhotoFacts.@Nullable TakenAtSource getTakenAtSource() {
        return capture.source();
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isCaptionByPerson() {
        return captioned.byPerson();
    }

    public @Nullable Instant getDeletedAt() {
        return deletedAt;
    }

    /** Records a finished caption and its embedding; the image becomes searchable. */
    void markReady(String caption, String captionModel, float[] embedding, String embeddingModel) {
        captioned.write(caption, captionModel, embedding, embeddingModel, false);
        markCaptioned();
    }

    /** Records why captioning failed; the image can be retried. */
    public void markFailed(String reason, FailureKind kind) {
        this.status = ImageStatus.FAILED;
        this.failureReason = reason;
        clearClaim();
        this.failureKind = kind;
    }

    /** Puts the image back in the queue for captioning; a caption it has stays until the new one replaces it. */
    void markReceived() {
        this.status = ImageStatus.RECEIVED;
        this.failureReason = null;
        clearClaim();
        this.failureKind = null;
    }

    private void clearClaim() {
        this.claimedAt = null;
        this.claimedBy = null;
        this.leaseExpiresAt = null;
    }

    /** Records a caption a person wrote, with its embedding; the image is searchable by its new words. */
    void markCaptionedByPerson(String caption, float[] embedding, String embeddingModel) {
        captioned.write(caption, "person", embedding, embeddingModel, true);
        markCaptioned();
    }

    private void markCaptioned() {
        this.status = ImageStatus.READY;
        this.failureReason = null;
        clearClaim();
        this.failureKind = null;
    }

    /** Hides the image everywhere until it is restored or purged. */
    void markDeleted(Instant now) {
        if (status != ImageStatus.DELETED) {
            this.statusBeforeDelete = status == ImageStatus.CAPTIONING ? ImageStatus.RECEIVED : status;
        }
        this.status = ImageStatus.DELETED;
        this.claimedAt = null;
        this.deletedAt = now;
    }

    /** Undoes {@link #markDeleted}: the image is back as it was (an interrupted caption is queued again). */
    void restore() {
        this.status = statusBeforeDelete == null ? ImageStatus.RECEIVED : statusBeforeDelete;
        this.statusBeforeDelete = null;
        this.deletedAt = null;
    }
}
