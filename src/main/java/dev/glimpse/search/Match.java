package dev.glimpse.search;

import java.util.UUID;

/**
 * One image found by {@link HybridSearcher}: its fused score, the cosine similarity of its caption embedding to the
 * query's, and whether any caption word matched the query's words.
 */
record Match(UUID id, String caption, double score, double similarity, boolean wordsMatched) {}
