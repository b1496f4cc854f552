package dev.glimpse.search;

/**
 * Which rankings a search fuses: the application uses {@link #HYBRID}, and {@link #TEXT} while the embedding model is
 * unavailable; {@link #VECTOR} alone serves comparisons ({@code evaluate-search}).
 */
public enum Retrieval {
    /** k-NN over the caption embeddings only. */
    VECTOR,
    /** BM25 over the caption words only. */
    TEXT,
    /** Both: cosine similarity plus the bounded weight of the shared words. */
    HYBRID
}
