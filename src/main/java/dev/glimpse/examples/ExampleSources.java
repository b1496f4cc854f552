package dev.glimpse.examples;

import dev.glimpse.ingest.IngestService;
import dev.glimpse.library.ImageSummary;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out examples for one gallery round, trying the sources in order: the remote service (given up for the rest of
 * the round after its first failure, so an offline server does not wait out a time-out per tile), then the user's
 * captioned library images (not the newest ones, which the library shows right below the gallery), then the folder. Each library image and folder file is used at most once per round. Not
 * thread-safe: one round runs on one thread.
 */
final class ExampleSources {

    private static final Logger log = LoggerFactory.getLogger(ExampleSources.class);
    private static final int LIBRARY_SAMPLE = 64;
    /** The newest images are on the page right below the gallery; examples come from further back. */
    static final int SKIP_NEWEST = 24;

    private final @Nullable RemoteImageSource remote;
    private final @Nullable IngestService library;
    private final FolderImageSource folder;
    private boolean remoteFailed;
    private @Nullable Deque<ImageSummary> libraryImages;
    private @Nullable Deque<Path> folderFiles;

    ExampleSources(@Nullable RemoteImageSource remote, @Nullable IngestService library, FolderImageSource folder) {
        this.remote = remote;
        this.library = library;
        this.folder = folder;
    }

    Optional<Example> next() {
        return fromRemote().or(this::fromLibrary).or(this::fromFolder);
    }

    private Optional<Example> fromRemote() {
        if (remote == null || remoteFailed) {
            return Optional.empty();
        }
        try {
            return Optional.of(remote.fetch());
        } catch (ExampleUnavailableException e) {
            remoteFailed = true;
            log.info("Remote example skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Example> fromLibrary() {
        if (library == null) {
            return Optional.empty();
        }
        if (libraryImages == null) {
            List<ImageSummary> newest = library.captioned(SKIP_NEWEST + LIBRARY_SAMPLE);
            List<ImageSummary> sample =
                    new ArrayList<>(newest.subList(Math.min(SKIP_NEWEST, newest.size()), newest.size()));
            Collections.shuffle(sample);
            libraryImages = new ArrayDeque<>(sample);
        }
        return Optional.ofNullable(libraryImages.poll()).map(Example.FromLibrary::new);
    }

    private Optional<Example> fromFolder() {
        if (folderFiles == null) {
            folderFiles = new ArrayDeque<>(folder.shuffledFiles());
        }
        while (!folderFiles.isEmpty()) {
            Optional<Example.Fetched> example = folder.read(folderFiles.poll());
            if (example.isPresent()) {
                return Optional.of(example.get());
            }
        }
        return Optional.empty();
    }
}
