/**
 * Search quality on captions and queries the search has never seen: {@link dev.glimpse.tools.evaluate.EvaluateSearch}
 * ({@code evaluate-search}) reads an {@link dev.glimpse.tools.evaluate.EvaluationSet}, indexes its captions in a
 * temporary index and scores every query through the application's own search ({@code search.SearchProbe}) with the
 * embedding alone, BM25 alone and the hybrid search: recall@1, recall@5 and MRR, per kind of query, and every miss.
 * {@link dev.glimpse.tools.evaluate.IndexProbes} runs the same search and the plain k-NN for the index benchmark. A
 * command-line tool, published to the command-line entry as the named interface {@code evaluate}.
 */
@NamedInterface("evaluate")
@NullMarked
package dev.glimpse.tools.evaluate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
