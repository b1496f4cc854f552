package dev.glimpse.ml;

import dev.glimpse.ml.hub.HubException;
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
        if (isLocalFolder(model)) {
            throw folderMissing(model);
        }
        return store.resolve(ModelRef.parse(model));
    }

    /** True when the model's files are on this machine: a local folder with a config, or complete in the store. */
    public boolean onDisk(String model) {
        if (isLocalFolder(model)) {
            return ModelStore.isCompleteFolder(Path.of(model));
        }
        return store.isComplete(ModelRef.parse(model));
    }

    /**
     * Checks without downloading that the model is on disk or could be fetched now; throws a {@link HubException}
     * whose {@link HubException#kind()} says why not.
     */
    public void checkAvailable(String model) {
        if (isLocalFolder(model)) {
            if (!onDisk(model)) {
                throw folderMissing(model);
            }
            return;
        }
        store.checkAvailable(ModelRef.parse(model));
    }

    /** Where a hub model lives (or will live) in the store; the folder itself for a local model. */
    public Path folder(String model) {
        return isLocalFolder(model) ? Path.of(model).toAbsolutePath().normalize() : store.folder(ModelRef.parse(model));
    }

    public ModelStore store() {
        return store;
    }

    /** Whether the setting names a local folder (an existing folder, or anything that is not a hub id). */
    public static boolean isLocalFolder(String model) {
        if (Files.isDirectory(Path.of(model))) {
            return true;
        }
        try {
            ModelRef.parse(model);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static HubException folderMissing(String model) {
        return new HubException(
                HubException.Kind.FOLDER_MISSING,
                "The model folder " + Path.of(model).toAbsolutePath().normalize()
                        + " does not exist or lacks config.json or the weights");
    }
}
