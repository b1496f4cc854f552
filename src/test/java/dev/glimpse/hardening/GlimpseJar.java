package dev.glimpse.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The built jar run as a self-hoster runs it: {@code java -jar target/glimpse-….jar <command> …} on one working folder. */
final class GlimpseJar {

    private static final Pattern SUMMARY = Pattern.compile("imported (\\d+), duplicates (\\d+), refused (\\d+)");

    private GlimpseJar() {}

    /** Starts {@code <command> <arguments>} with its database, blobs and index under {@code data}. */
    static Process start(Path data, String command, String... arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jarFile().toString(),
                command));
        line.addAll(List.of(arguments));
        line.add("--glimpse.database.embedded.data-directory=" + data.resolve("postgres"));
        line.add("--glimpse.storage.local.root=" + data.resolve("blobs"));
        line.add("--glimpse.index.directory=" + data.resolve("index"));
        return new ProcessBuilder(line).redirectErrorStream(true).start();
    }

    /** Waits for the command to end (5 minutes at most), asserts it succeeded and returns its output. */
    static String finish(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The counts of an import's last line {@code imported N, duplicates D, refused R}. */
    static long[] summary(String output) {
        Matcher matcher = SUMMARY.matcher(lastLine(output));
        assertThat(matcher.matches()).as(output).isTrue();
        return new long[] {
            Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))
        };
    }

    static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** Blobs written completely (originals and thumbnails; not the hidden {@code .part} files of writes under way). */
    static long blobCount(Path blobs) throws IOException {
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .count();
        }
    }

    static Path jarFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("glimpse-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/glimpse-*.jar: run mvn package first"))
                    .toAbsolutePath();
        }
    }
}
