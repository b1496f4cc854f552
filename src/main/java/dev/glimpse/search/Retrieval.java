package dev.glimpse.search;

/** Which rankings a search fuses: the application always uses {@link #HYBRID}; the others exist to compare. */
enum Retrieval {
    /** k-NN over the caption embeddings only. */
    VECTOR,
    /** BM25 over the caption words only. */
    TEXT,
    /** Both: cosine similarity plus the bounded weight of the shared words. */
    HYBRID
}
