/**
 * Finding images again: a Lucene index beside the database with one document per captioned image (its caption as
 * text, its caption embedding as an HNSW vector, its capture time and place names when known). The database is the source of truth; each instance's index is a
 * replica that the {@code library} feature's index follower keeps in line by replaying the shared change log. {@link
 * dev.glimpse.search.SearchService} answers typed and spoken queries with a hybrid search (k-NN over the embeddings
 * plus BM25 over the caption words, scored as cosine similarity plus a bounded bonus for shared rare words, weak
 * embedding-only matches shown only as flagged closest matches) after {@link dev.glimpse.search.QueryUnderstanding}
 * has taken the query apart (capture time and place as filters, spoken fillers, family words, spelling, occasions,
 * attribute pairs as evidence), also served as JSON at {@code /api/search} and {@code /api/search/voice}.
 * The search page and the header's search box are in {@code search.ui}. {@link dev.glimpse.search.SearchProbe} lets the command-line tools run
 * the same search over any index without the models.
 */
@NullMarked
package dev.glimpse.search;

import org.jspecify.annotations.NullMarked;
