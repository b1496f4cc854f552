package dev.glimpse.ml;

import dev.glimpse.ml.hub.ModelRef;
import dev.glimpse.ml.hub.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a configured model into a local folder: either a folder path that already holds a checkpoint, or a hub
 * repository id ({@code owner/name[@revision]}) resolved through the model store, which downloads what is missing.
 */
public final class ModelLocator {

    private final ModelStore store;

    public ModelLocator(ModelStore store) {
        this.store = store;
    }

    public Path locate(String model) {
        Path folder = Path.of(model);
        if (Files.isDirectory(folder)) {
            return folder.toAbsolutePath().normalize();
        }
        return store.resolve(ModelRef.parse(model));
    }
}
