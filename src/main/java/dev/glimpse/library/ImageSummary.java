package dev.glimpse.library;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What pages and the API show of a stored image, with when, with what and where it was taken. */
public record ImageSummary(
        UUID id,
        String fileName,
        String mimeType,
        int width,
        int height,
        long byteSize,
        ImageStatus status,
        @Nullable String caption,
        @Nullable String failureReason,
        @Nullable String captionModel,
        @Nullable String embeddingModel,
        Instant createdAt,
        boolean captionByPerson,
        PhotoFacts facts,
        @Nullable String sourcePath,
        @Nullable FailureKind failureKind) {

    public static ImageSummary of(Image image) {
        return new ImageSummary(
                image.getId(),
                image.getOriginalName(),
                image.getMimeType(),
                image.getWidth(),
                image.getHeight(),
                image.getByteSize(),
                image.getStatus(),
                image.getCaption(),
                image.getFailureReason(),
                image.getCaptionModel(),
                image.getEmbeddingModel(),
                image.getCreatedAt(),
                image.isCaptionByPerson(),
                image.getFacts(),
                image.getSourcePath(),
                image.getFailureKind());
    }

    public String contentUrl() {
        return ImageContentController.contentPath(id);
    }

    /** The caption model as people know it: a hub id or a folder's name, never an absolute path. */
    public @Nullable String captionModelName() {
        return ModelNames.display(captionModel);
    }

    public @Nullable String embeddingModelName() {
        return ModelNames.display(embeddingModel);
    }

    /** What a browser shows: the original, or a JPEG made from a HEIC or AVIF original. */
    public String displayUrl() {
        return ImageContentController.displayPath(id);
    }

    public String thumbnailUrl() {
        return ImageContentController.thumbnailPath(id);
    }
}
