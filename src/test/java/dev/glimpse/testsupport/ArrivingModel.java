package dev.glimpse.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fixture model whose folder is missing when the application starts and appears later, as an operator's copy
 * followed by {@code mv} would make it: the files are copied into a sibling folder, which is then renamed into place.
 */
public final class ArrivingModel {

    private final String fixture;
    private final Path folder;

    /** The fixture model {@code fixture}, to appear in a new folder under {@code target/test-data}. */
    public ArrivingModel(String fixture) {
        this.fixture = fixture;
        this.folder = Path.of("target/test-data", UUID.randomUUID().toString(), fixture)
                .toAbsolutePath();
    }

    public Path folder() {
        return folder;
    }

    /** Points {@code glimpse.<role>.model} at the (still missing) folder and has missing models looked for often. */
    public void register(DynamicPropertyRegistry registry, String role) {
        registry.add("glimpse." + role + ".model", folder::toString);
        registry.add("glimpse.models.recheck-interval", () -> "200ms");
    }

    /** Makes the model appear: copied beside its folder, then renamed into place in one step. */
    public void appear() throws IOException {
        Path staging = folder.resolveSibling(folder.getFileName() + ".copying");
        Files.createDirectories(staging);
        try (Stream<Path> files = Files.list(Fixtures.model(fixture))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    }
}
