package dev.glimpse.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Example images from a local folder (not its sub-folders), in random order, each read at most once per round. Files
 * too large or not decodable are skipped; a missing folder gives nothing.
 */
final class FolderImageSource {

    private static final Logger log = LoggerFactory.getLogger(FolderImageSource.class);
    private static final long FOLDER_READ_TIMEOUT_NANOS = 60_000_000_000L;
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".gif", ".webp");

    private final ExamplesProperties.Folder config;
    private final ImageDecoding decoding;

    FolderImageSource(ExamplesProperties.Folder config, ImageDecoding decoding) {
        this.config = config;
        this.decoding = decoding;
    }

    /** The folder's candidate files in random order. */
    List<Path> shuffledFiles() {
        if (!config.configured() || !Files.isDirectory(config.path())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(config.path())) {
            List<Path> images = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(FolderImageSource::hasImageExtension)
                    .toList());
            Collections.shuffle(images);
            return images;
        } catch (IOException e) {
            log.warn("Cannot list the example folder {}: {}", config.path(), e.toString());
            return List.of();
        }
    }

    Optional<Example.Fetched> read(Path file) {
        long limit = config.maxBytes().toBytes();
        try (InputStream input = Files.newInputStream(file)) {
            byte[] bytes = BoundedRead.readAtMost(input, limit, System.nanoTime() + FOLDER_READ_TIMEOUT_NANOS);
            ImageDecoding.Decoded decoded = decoding.decode(bytes);
            return Optional.of(new Example.Fetched(
                    Example.Source.FOLDER, file.getFileName().toString(), bytes, decoded.format(), decoded.image()));
        } catch (IOException | ExampleUnavailableException e) {
            log.info("Skipped example file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
