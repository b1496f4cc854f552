/**
 * Finding images again: a Lucene index beside the database with one document per captioned image (its caption as
 * text, its caption embedding as an HNSW vector). The database is the source of truth; the index is a cache that is
 * rebuilt or repaired from the {@link dev.glimpse.search.ReadyImages} the database provides.
 */
package dev.glimpse.search;
