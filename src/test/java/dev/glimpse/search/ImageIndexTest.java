package dev.glimpse.search;

import static dev.glimpse.search.TestLibrary.database;
import static dev.glimpse.search.TestLibrary.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageIndexTest {

    @TempDir
    Path folder;

    @Test
    void upsertReplacesTheDocumentOfTheSameImage() {
        try (ImageIndex index = new ImageIndex(folder)) {
            UUID id = UUID.randomUUID();
            index.upsert(image(id, "a red car"));
            index.upsert(image(id, "a blue car"));

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.documentsFor(id)).isEqualTo(1);
            assertThat(index.caption(id)).hasValue("a blue car");
        }
    }

    @Test
    void deleteRemovesOnlyThatImage() {
        try (ImageIndex index = new ImageIndex(folder)) {
            UUID kept = UUID.randomUUID();
            UUID removed = UUID.randomUUID();
            index.upsert(image(kept, "a cat"));
            index.upsert(image(removed, "a dog"));

            index.delete(removed);

            assertThat(index.captionsById()).containsOnlyKeys(kept);
        }
    }

    @Test
    void documentsSurviveReopening() {
        UUID id = UUID.randomUUID();
        try (ImageIndex index = new ImageIndex(folder)) {
            index.upsert(image(id, "mountains at dawn"));
        }
        try (ImageIndex reopened = new ImageIndex(folder)) {
            assertThat(reopened.caption(id)).hasValue("mountains at dawn");
        }
    }

    @Test
    void aNewIndexHasNoPositionSoTheFollowerRebuildsIt() {
        try (ImageIndex index = new ImageIndex(folder)) {
            assertThat(index.appliedSequence()).isEmpty();
        }
    }

    @Test
    void appliedChangesAndTheirPositionAreCommittedTogether() {
        IndexedImage kept = image(UUID.randomUUID(), "a lighthouse");
        IndexedImage gone = image(UUID.randomUUID(), "a bowl of soup");
        try (ImageIndex index = new ImageIndex(folder)) {
            index.apply(List.of(kept, gone), List.of(), 7);
            index.apply(List.of(image(kept.id(), "a lighthouse at night")), List.of(gone.id()), 9);
        }
        try (ImageIndex reopened = new ImageIndex(folder)) {
            assertThat(reopened.appliedSequence()).hasValue(9);
            assertThat(reopened.captionsById())
                    .containsOnlyKeys(kept.id())
                    .containsEntry(kept.id(), "a lighthouse at night");
        }
    }

    @Test
    void followedChangesAreSearchableAtOnceAndDurableAtTheNextDueCommit() throws IOException {
        IndexedImage row = image(UUID.randomUUID(), "a kite over the dunes");
        try (ImageIndex index = new ImageIndex(folder, Duration.ofHours(1))) {
            index.apply(List.of(row), List.of(), 4);

            assertThat(index.caption(row.id())).hasValue("a kite over the dunes");
            assertThat(index.appliedSequence()).hasValue(4);
            assertThat(committedDocuments()).as("not yet committed").isZero();
            assertThat(index.commitWhenDue()).isPositive();
        }
        assertThat(committedDocuments()).as("committed on close").isEqualTo(1);
        try (ImageIndex reopened = new ImageIndex(folder)) {
            assertThat(reopened.appliedSequence()).hasValue(4);
        }
    }

    @Test
    void aPendingCommitIsMadeOnceTheIntervalHasPassed() throws IOException {
        try (ImageIndex index = new ImageIndex(folder, Duration.ofMillis(200))) {
            index.apply(List.of(image(UUID.randomUUID(), "a kite")), List.of(), 1);
            index.apply(List.of(image(UUID.randomUUID(), "a second kite")), List.of(), 2);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> index.commitWhenDue().isZero());

            assertThat(committedDocuments()).isEqualTo(2);
        }
    }

    private int committedDocuments() throws IOException {
        try (Directory directory = FSDirectory.open(folder);
                DirectoryReader committed = DirectoryReader.open(directory)) {
            return committed.numDocs();
        }
    }

    @Test
    void replaceAllFillsTheIndexFromTheDatabaseAndRecordsThePosition() {
        List<IndexedImage> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(image(UUID.randomUUID(), "picture number " + i));
        }
        try (ImageIndex index = new ImageIndex(folder)) {
            index.upsert(image(UUID.randomUUID(), "not in the database"));

            int documents = index.replaceAll(database(rows.toArray(IndexedImage[]::new)), 42);

            assertThat(documents).isEqualTo(25);
            assertThat(index.size()).isEqualTo(25);
            assertThat(index.appliedSequence()).hasValue(42);
            assertThat(index.captionsById())
                    .containsOnlyKeys(rows.stream().map(IndexedImage::id).toList());
        }
    }

    @Test
    void corruptedIndexIsReplacedWithoutAPositionAndRefilledByARebuild() throws IOException {
        IndexedImage row = image(UUID.randomUUID(), "a harbour at night");
        try (ImageIndex index = new ImageIndex(folder)) {
            index.apply(List.of(row), List.of(), 3);
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }

        try (ImageIndex reopened = new ImageIndex(folder)) {
            assertThat(reopened.size()).isZero();
            assertThat(reopened.appliedSequence()).isEmpty();
            reopened.replaceAll(database(row), 3);
            assertThat(reopened.caption(row.id())).hasValue("a harbour at night");
        }
    }
}
