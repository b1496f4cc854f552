package dev.glimpse.importing;

import java.nio.file.Path;

/**
 * One file found in an imported folder: where it is, and its path as kept with the image (the imported folder's name,
 * the sub-folders and the file name, separated by {@code /}).
 */
public record SourceFile(Path file, String sourcePath) {}
