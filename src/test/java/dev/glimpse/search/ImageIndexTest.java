package dev.glimpse.search;

import static dev.glimpse.search.TestLibrary.database;
import static dev.glimpse.search.TestLibrary.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    void repairAddsMissingUpdatesChangedAndRemovesStrays() {
        IndexedImage missing = image(UUID.randomUUID(), "a lighthouse");
        IndexedImage changed = image(UUID.randomUUID(), "a bowl of soup");
        IndexedImage right = image(UUID.randomUUID(), "a tram in the rain");
        UUID stray = UUID.randomUUID();
        try (ImageIndex index = new ImageIndex(folder)) {
            index.upsert(image(changed.id(), "an old caption"));
            index.upsert(right);
            index.upsert(image(stray, "deleted long ago"));

            IndexRepair.Result result = new IndexRepair(index, database(missing, changed, right)).repair();

            assertThat(result).isEqualTo(new IndexRepair.Result(1, 1, 1, 1));
            assertThat(index.captionsById())
                    .containsOnlyKeys(missing.id(), changed.id(), right.id())
                    .containsEntry(changed.id(), "a bowl of soup");
        }
    }

    @Test
    void rebuildFillsAnEmptyIndexFromTheDatabase() {
        List<IndexedImage> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(image(UUID.randomUUID(), "picture number " + i));
        }
        try (ImageIndex index = new ImageIndex(folder)) {
            index.upsert(image(UUID.randomUUID(), "not in the database"));

            new IndexRepair(index, database(rows.toArray(IndexedImage[]::new))).rebuild();

            assertThat(index.size()).isEqualTo(25);
            assertThat(index.captionsById())
                    .containsOnlyKeys(rows.stream().map(IndexedImage::id).toList());
        }
    }

    @Test
    void corruptedIndexIsReplacedAndRefilledByRepair() throws IOException {
        IndexedImage row = image(UUID.randomUUID(), "a harbour at night");
        try (ImageIndex index = new ImageIndex(folder)) {
            index.upsert(row);
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4});
            }
        }

        try (ImageIndex reopened = new ImageIndex(folder)) {
            assertThat(reopened.size()).isZero();
            new IndexRepair(reopened, database(row)).repair();
            assertThat(reopened.caption(row.id())).hasValue("a harbour at night");
        }
    }
}
