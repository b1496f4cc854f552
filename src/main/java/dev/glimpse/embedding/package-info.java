/**
 * Sentence embeddings: {@link dev.glimpse.embedding.SentenceEmbedder} runs a BERT sentence-transformer
 * (all-MiniLM-L6-v2 by default) natively on the shared {@code ml} runtime and turns captions and queries into
 * L2-normalised vectors for the search index.
 */
@NullMarked
package dev.glimpse.embedding;

import org.jspecify.annotations.NullMarked;
