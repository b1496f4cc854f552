package dev.glimpse.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an {@link Image} that hold its caption: the words, the model that wrote them ({@code person} for a
 * caption a person typed), the caption's embedding and the model that made it. A caption stays when the image is
 * queued again, until a new one replaces it.
 */
@Embeddable
class CaptionColumns {

    private @Nullable String caption;

    @Column(name = "caption_model")
    private @Nullable String captionModel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "float4[]")
    private float @Nullable [] embedding;

    @Column(name = "embedding_model")
    private @Nullable String embeddingModel;

    @Column(name = "caption_by_person", nullable = false)
    private boolean byPerson;

    /** Replaces the caption and its embedding; {@code byPerson} when a person wrote it. */
    void write(String caption, String captionModel, float[] embedding, String embeddingModel, boolean byPerson) {
        this.caption = caption;
        this.captionModel = captionModel;
        this.embedding = embedding.clone();
        this.embeddingModel = embeddingModel;
        this.byPerson = byPerson;
    }

    @Nullable
    String caption() {
        return caption;
    }

    @Nullable
    String captionModel() {
        return captionModel;
    }

    float @Nullable [] embedding() {
        return embedding;
    }

    @Nullable
    String embeddingModel() {
        return embeddingModel;
    }

    boolean byPerson() {
        return byPerson;
    }
}
