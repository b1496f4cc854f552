package dev.glimpse.serving;

import dev.glimpse.ml.ModelLocator;
import dev.glimpse.ml.hub.HubException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One configured model as the {@link ModelMonitor} tracks it: loaded or not, and the last reason it could not be
 * used; {@link #state} turns that and what is on disk into a {@link ModelState} with the reason and the fix.
 */
final class ModelEntry {

    final String role;
    final String model;
    volatile boolean loaded;
    volatile @Nullable Failure failure;

    ModelEntry(String role, String model) {
        this.role = role;
        this.model = model;
    }

    ModelState state(ModelLocator locator, boolean offline) {
        Failure last = failure;
        if (loaded) {
            return new ModelState(role, model, ModelState.Availability.LOADED, null, null, null);
        }
        boolean onDisk = onDisk(locator, model);
        if (last != null && (last.kind() == null || !onDisk)) {
            String reason =
                    last.kind() == null ? "its files do not load" : last.kind().words();
            return new ModelState(
                    role, model, ModelState.Availability.MISSING, reason, last.message(), fix(locator, last.kind()));
        }
        if (onDisk) {
            return new ModelState(role, model, ModelState.Availability.ON_DISK, null, null, null);
        }
        boolean local = ModelLocator.isLocalFolder(model);
        if (offline || local) {
            HubException.Kind kind = local ? HubException.Kind.FOLDER_MISSING : HubException.Kind.OFFLINE;
            return new ModelState(
                    role,
                    model,
                    ModelState.Availability.MISSING,
                    kind.words(),
                    "The files are not in " + locator.folder(model),
                    fix(locator, kind));
        }
        return new ModelState(role, model, ModelState.Availability.DOWNLOADABLE, null, null, null);
    }

    static boolean onDisk(ModelLocator locator, String model) {
        try {
            return locator.onDisk(model);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String fix(ModelLocator locator, HubException.Kind kind) {
        return ModelAdvice.fix(
                kind,
                "glimpse." + role + ".model",
                locator.folder(model).toString(),
                locator.store().root().toString(),
                locator.store().hubUrl().toString());
    }

    /** The last reason a model could not be used; {@code kind} null when its files are there but do not load. */
    record Failure(HubException.Kind kind, String message, Instant at) {
        static Failure of(Throwable error) {
            Instant now = Instant.now();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof HubException hub) {
                    return new Failure(hub.kind(), hub.getMessage(), now);
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return new Failure(null, String.valueOf(error.getMessage()), now);
        }
    }
}
