package dev.glimpse.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/** Index rows for tests: captions with a unit vector drawn from the caption, and a database holding given rows. */
final class TestLibrary {

    private TestLibrary() {}

    /** The READY rows a rebuild would read from the database. */
    static Consumer<Consumer<IndexedImage>> database(IndexedImage... rows) {
        return consumer -> List.of(rows).forEach(consumer);
    }

    /** A row whose id is derived from its caption. */
    static IndexedImage image(String caption) {
        return image(UUID.nameUUIDFromBytes(caption.getBytes(StandardCharsets.UTF_8)), caption);
    }

    /** A row with a random 384-d unit vector, the same for the same caption. */
    static IndexedImage image(UUID id, String caption) {
        Random random = new Random(caption.hashCode());
        float[] vector = new float[384];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return new IndexedImage(id, caption, vector);
    }
}
