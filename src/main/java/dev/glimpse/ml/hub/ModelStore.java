package dev.glimpse.ml.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local model folders laid out as {@code <root>/<owner>--<name>/<revision>/<files>}. {@link #resolve} returns a
 * complete folder, fetching missing files from the hub unless the store is offline. A folder is complete once its
 * manifest ({@value #MANIFEST}, written last) lists files that all exist, or, for folders filled by hand, once it has
 * {@code config.json} and a full set of weights.
 */
public final class ModelStore {

    public static final Path DEFAULT_ROOT = Path.of("models");
    public static final String DEFAULT_PREFETCH_HINT =
            "pre-fetch it where the hub is reachable with the model prefetch command"
                    + " (dev.glimpse.ml.hub.ModelPrefetch) and copy the models folder here, or turn offline mode off";
    static final String MANIFEST = ".glimpse-files";
    static final String LOCK = ".glimpse-lock";

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final HubClient hub;
    private final boolean offline;
    private final String prefetchHint;

    public ModelStore(Path root, HubClient hub, boolean offline, String prefetchHint) {
        this.root = root.toAbsolutePath().normalize();
        this.hub = hub;
        this.offline = offline;
        this.prefetchHint = prefetchHint;
    }

    public ModelStore(Path root, HubClient hub, boolean offline) {
        this(root, hub, offline, DEFAULT_PREFETCH_HINT);
    }

    /** A store under {@code models/} that downloads from the Hugging Face hub. */
    public static ModelStore defaultStore() {
        return new ModelStore(DEFAULT_ROOT, new HubClient(), false);
    }

    public Path root() {
        return root;
    }

    public boolean offline() {
        return offline;
    }

    /** Where the model's files live (or will live); nothing is checked or created. */
    public Path folder(ModelRef ref) {
        Path folder = root.resolve(ref.repoFolderName())
                .resolve(ref.revisionFolderName())
                .normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("Model " + ref + " would resolve outside " + root);
        }
        return folder;
    }

    /** A complete local folder for the model, downloading what is missing unless offline. */
    public Path resolve(ModelRef ref) {
        Path dir = folder(ref);
        ReentrantLock lock = LOCKS.computeIfAbsent(dir, key -> new ReentrantLock());
        lock.lock();
        try {
            Optional<List<String>> manifest = readManifest(dir);
            Optional<String> missing = manifest.isPresent()
                    ? manifest.get().stream()
                            .filter(file -> !Files.isRegularFile(dir.resolve(file)))
                            .findFirst()
                    : ModelFiles.firstMissingLocally(dir);
            if (missing.isEmpty() && (manifest.isPresent() || offline)) {
                return dir;
            }
            if (offline) {
                throw new HubException(
                        HubException.Kind.OFFLINE,
                        "Model " + ref + " is not available offline: " + dir.resolve(missing.get())
                                + " is missing. To fetch it, " + prefetchHint + ".");
            }
            try {
                downloadLocked(ref, dir);
            } catch (HubException e) {
                hub.recordFailure(e.kind());
                throw e;
            }
            return dir;
        } finally {
            lock.unlock();
        }
    }

    /** True when a folder filled by hand holds a config and a full set of weights. */
    public static boolean isCompleteFolder(Path dir) {
        try {
            return ModelFiles.firstMissingLocally(dir).isEmpty();
        } catch (HubException e) {
            return false;
        }
    }

    /** True when the model's folder holds a complete set of files (nothing would be downloaded). */
    public boolean isComplete(ModelRef ref) {
        Path dir = folder(ref);
        try {
            Optional<List<String>> manifest = readManifest(dir);
            return manifest.isPresent()
                    ? manifest.get().stream().allMatch(file -> Files.isRegularFile(dir.resolve(file)))
                    : ModelFiles.firstMissingLocally(dir).isEmpty();
        } catch (HubException e) {
            return false;
        }
    }

    /**
     * Checks, without downloading anything, that the model is in the store or could be fetched now: throws a
     * {@link HubException} saying why not (offline mode, host not found, connection refused, not on the hub).
     */
    public void checkAvailable(ModelRef ref) {
        if (isComplete(ref)) {
            return;
        }
        if (offline) {
            throw new HubException(
                    HubException.Kind.OFFLINE,
                    "Model " + ref + " is not in " + folder(ref) + " and offline mode forbids downloading it");
        }
        try {
            if (hub.metadata(ref, ModelFiles.CONFIG).isEmpty()) {
                throw new HubException(
                        HubException.Kind.NOT_FOUND,
                        "Model " + ref + " has no " + ModelFiles.CONFIG + " at " + hub.fileUrl(ref, ModelFiles.CONFIG)
                                + "; is the repository id right?");
            }
        } catch (HubException e) {
            hub.recordFailure(e.kind());
            throw e;
        }
    }

    /** The hub this store downloads from. */
    public java.net.URI hubUrl() {
        return hub.baseUrl();
    }

    /** Downloads under a file lock, so that two processes sharing the store do not write the same files. */
    private void downloadLocked(ModelRef ref, Path dir) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel =
                            FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!completeByManifest(dir)) {
                    download(ref, dir);
                }
            }
        } catch (IOException e) {
            throw new HubException("Cannot create or lock the model folder " + dir + ": " + e, e);
        }
    }

    private static boolean completeByManifest(Path dir) {
        return readManifest(dir)
                .map(files -> files.stream().allMatch(file -> Files.isRegularFile(dir.resolve(file))))
                .orElse(false);
    }

    private void download(ModelRef ref, Path dir) {
        log.info("Fetching model {} from {} into {}", ref, hub.baseUrl(), dir);
        List<String> files = new ArrayList<>();
        if (!fetch(ref, dir, ModelFiles.CONFIG, files)) {
            throw new HubException(
                    HubException.Kind.NOT_FOUND,
                    "Model " + ref + " has no " + ModelFiles.CONFIG + " at " + hub.fileUrl(ref, ModelFiles.CONFIG)
                            + "; is the repository id right?");
        }
        for (String optional : ModelFiles.OPTIONAL) {
            fetch(ref, dir, optional, files);
        }
        fetchWeights(ref, dir, files);
        writeManifest(dir, files);
    }

    private void fetchWeights(ModelRef ref, Path dir, List<String> files) {
        for (ModelFiles.Weights weights : ModelFiles.Weights.values()) {
            if (fetch(ref, dir, weights.file, files)) {
                if (weights.index) {
                    for (String shard : ModelFiles.shards(dir.resolve(weights.file))) {
                        if (!fetch(ref, dir, shard, files)) {
                            throw new HubException("Model " + ref + " lists shard " + shard + " in " + weights.file
                                    + " but the hub does not have it");
                        }
                    }
                }
                return;
            }
        }
        throw new HubException("Model " + ref + " has no weights on " + hub.baseUrl()
                + ": looked for model.safetensors, model.safetensors.index.json, pytorch_model.bin and"
                + " pytorch_model.bin.index.json");
    }

    /** Makes one file present locally if the hub has it; false when the hub does not (404). */
    private boolean fetch(ModelRef ref, Path dir, String file, List<String> files) {
        Path target = dir.resolve(ModelFiles.checkFileName(file));
        if (!Files.isRegularFile(target)) {
            Optional<RemoteFile> remote = hub.metadata(ref, file);
            if (remote.isEmpty()) {
                return false;
            }
            hub.download(ref, file, remote.get(), target);
        }
        files.add(file);
        return true;
    }

    private static Optional<List<String>> readManifest(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(ModelFiles::checkFileName)
                    .toList());
        } catch (IOException e) {
            throw new HubException("Cannot read " + manifest + ": " + e, e);
        }
    }

    private static void writeManifest(Path dir, List<String> files) {
        try {
            Path temp = dir.resolve(MANIFEST + ".tmp");
            Files.write(temp, files, StandardCharsets.UTF_8);
            Files.move(
                    temp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new HubException("Cannot write the manifest of " + dir + ": " + e, e);
        }
    }
}
