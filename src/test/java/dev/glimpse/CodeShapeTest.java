package dev.glimpse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the structure issue asked for, kept: small classes, one name per idea, entry points only where commands
 * live, no size apologies in comments, and a README that stays a front page (the rest lives in {@code docs/}).
 */
class CodeShapeTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final int MOST_LINES_PER_CLASS = 300;
    private static final int MOST_README_LINES = 300;

    @Test
    void noClassInMainIsOverThreeHundredLines() throws IOException {
        Map<Path, Long> tooLong =
                sources().stream()
                        .collect(Collectors.toMap(Function.identity(), CodeShapeTest::lines))
                        .entrySet()
                        .stream()
                        .filter(entry -> entry.getValue() > MOST_LINES_PER_CLASS)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(tooLong).isEmpty();
    }

    @Test
    void everySimpleClassNameInMainIsUnique() throws IOException {
        Map<String, List<Path>> byName = sources().stream()
                .filter(path -> !path.getFileName().toString().equals("package-info.java"))
                .collect(Collectors.groupingBy(path -> path.getFileName().toString()));
        assertThat(byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1))
                .isEmpty();
    }

    @Test
    void onlyTheApplicationAndTheCommandLineHaveAMainMethod() throws IOException {
        Pattern main = Pattern.compile("static\\s+void\\s+main\\s*\\(");
        List<Path> withMain = sources().stream()
                .filter(path -> main.matcher(read(path)).find())
                .map(MAIN::relativize)
                .toList();
        assertThat(withMain)
                .allMatch(path -> path.startsWith(Path.of("dev/glimpse/cli"))
                        || path.equals(Path.of("dev/glimpse/GlimpseApplication.java")));
    }

    @Test
    void noCommentApologisesForAClassesSize() throws IOException {
        Pattern apology = Pattern.compile("(?i)over\\s+\\d+\\s+lines");
        assertThat(sources().stream().filter(path -> apology.matcher(read(path)).find()))
                .isEmpty();
    }

    @Test
    void theReadmeStaysAFrontPage() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(MOST_README_LINES);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }

    private static long lines(Path path) {
        return read(path).lines().count();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
