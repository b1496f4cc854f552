package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene index of captioned images: one document per image id (replaced, never duplicated), with the caption as
 * English full text, the embedding as a dot-product HNSW vector and, when known, the capture time (a point and doc
 * value) and the place names (one keyword each, see {@link KnownPlaces}). Every change is committed before the method
 * returns. An index that cannot be opened (deleted, corrupted) is started afresh ({@link IndexFolder}), without a
 * position, so the follower rebuilds it from the database.
 *
 * <p>The index is a replica of the database that follows its change log: each commit may carry the sequence of the
 * last change applied ({@link #appliedSequence()}) in the commit's user data, so the documents and the position are
 * committed together and a restart resumes exactly where the last commit left off.
 */
public class ImageIndex implements AutoCloseable {

    static final String APPLIED_SEQUENCE = "glimpse.applied-sequence";

    private final Path directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Duration commitInterval;
    private Instant lastCommit = Instant.now();
    private boolean uncommitted;

    /** An index that commits every change before the method returns. */
    public ImageIndex(Path directory) {
        this(directory, Duration.ZERO);
    }

    /**
     * An index whose {@link #apply followed changes} are searchable as soon as they are applied but made durable at
     * most once per {@code commitInterval} ({@link #commitWhenDue}): a commit (an fsync of every new file) is the slow
     * part of applying a change, and a crash loses nothing, since the follower replays from the last committed
     * position.
     */
    public ImageIndex(Path directory, Duration commitInterval) {
        this.commitInterval = commitInterval;
        this.directory = directory.toAbsolutePath();
        this.writer = IndexFolder.openWriter(this.directory);
        try {
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sequence of the last change applied (at start: the one the last commit recorded); empty for a new or
     * rebuilt-from-scratch index.
     */
    public OptionalLong appliedSequence() {
        for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
            if (entry.getKey().equals(APPLIED_SEQUENCE)) {
                return OptionalLong.of(Long.parseLong(entry.getValue()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Applies a batch of changes and records {@code sequence} as applied; searches see them when this returns. The
     * changes and the position become durable together, in the next commit: at once when the commit interval has
     * passed, else at {@link #commitWhenDue} or {@link #close}. Either all of a batch and its position are durable, or
     * none of it.
     */
    public synchronized void apply(Collection<IndexedImage> upserts, Collection<UUID> deletes, long sequence) {
        try {
            for (UUID id : deletes) {
                writer.deleteDocuments(new Term(IndexFields.ID, id.toString()));
            }
            for (IndexedImage image : upserts) {
                writer.updateDocument(new Term(IndexFields.ID, image.id().toString()), IndexFields.document(image));
            }
            writer.setLiveCommitData(
                    Map.of(APPLIED_SEQUENCE, Long.toString(sequence)).entrySet());
            uncommitted = true;
            if (!commitWhenDue().isZero()) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not apply changes up to " + sequence + " to the index", e);
        }
    }

    /**
     * Replaces every document with what {@code source} hands out and records {@code sequence} as applied, in one
     * commit (a crash half-way leaves the previous commit; a failure half-way leaves uncommitted work that the next
     * replacement discards). Returns how many documents the index now holds.
     */
    public synchronized int replaceAll(Consumer<Consumer<IndexedImage>> source, long sequence) {
        try {
            writer.deleteAll();
            int[] added = {0};
            source.accept(image -> {
                try {
                    writer.addDocument(IndexFields.document(image));
                    added[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.setLiveCommitData(
                    Map.of(APPLIED_SEQUENCE, Long.toString(sequence)).entrySet());
            commit();
            return added[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rebuild the index", e);
        }
    }

    /**
     * Commits applied changes once the commit interval has passed since the last commit; returns how long until the
     * pending changes are due ({@link Duration#ZERO} when nothing waits to be committed).
     */
    public synchronized Duration commitWhenDue() {
        if (!uncommitted) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), lastCommit.plus(commitInterval));
        if (left.isPositive()) {
            return left;
        }
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not commit the index", e);
        }
        return Duration.ZERO;
    }

    /** The index's folder (for measuring its size). */
    public Path directory() {
        return directory;
    }

    public synchronized void upsert(IndexedImage image) {
        try {
            writer.updateDocument(new Term(IndexFields.ID, image.id().toString()), IndexFields.document(image));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not index image " + image.id(), e);
        }
    }

    /** Adds or replaces many images with one commit (bulk loads such as an evaluation). */
    public synchronized void upsertAll(List<IndexedImage> images) {
        try {
            for (IndexedImage image : images) {
                writer.updateDocument(new Term(IndexFields.ID, image.id().toString()), IndexFields.document(image));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not index " + images.size() + " images", e);
        }
    }

    public synchronized void delete(UUID id) {
        try {
            writer.deleteDocuments(new Term(IndexFields.ID, id.toString()));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove image " + id + " from the index", e);
        }
    }

    /** Every indexed id with its caption, for comparing the index with the database. */
    public Map<UUID, String> captionsById() {
        return withSearcher(searcher -> {
            Map<UUID, String> captions = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), Math.max(1, count(searcher))).scoreDocs) {
                Document document = stored.document(hit.doc);
                captions.put(UUID.fromString(document.get(IndexFields.ID)), document.get(IndexFields.CAPTION));
            }
            return captions;
        });
    }

    /** How many documents carry this id: 0 or 1 unless something is badly wrong. */
    public int documentsFor(UUID id) {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(IndexFields.ID, id.toString()))));
    }

    public int size() {
        return withSearcher(ImageIndex::count);
    }

    public Optional<String> caption(UUID id) {
        return withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id.toString())), 1).scoreDocs;
            return hits.length == 0
                    ? Optional.<String>empty()
                    : Optional.of(searcher.storedFields().document(hits[0].doc).get(IndexFields.CAPTION));
        });
    }

    /** Removes every document; used before a full rebuild. */
    public synchronized void clear() {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T withSearcher(SearcherFunction<T> function) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (uncommitted) {
                commit();
            }
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        lastCommit = Instant.now();
        uncommitted = false;
        searchers.maybeRefresh();
    }

    private static int count(IndexSearcher searcher) throws IOException {
        return searcher.count(new MatchAllDocsQuery());
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
