package dev.glimpse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite's counts live in one place, {@code docs/development.md} ("The suite in numbers"), and stay true: the
 * number of test classes stated there, and how they split between Surefire and Failsafe, is counted here from the
 * source tree (a class runs in Failsafe when it carries one of the tags the Failsafe plugin selects).
 */
class SuiteFiguresTest {

    private static final Pattern FAILSAFE_TAG = Pattern.compile("@Tag\\(\"(browser|hardening|cli|deploy)\"\\)");
    private static final Pattern TEST_METHOD = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    private static final Pattern STATED = Pattern.compile(
            "Test classes: \\*\\*(\\d+)\\*\\* — \\*\\*(\\d+)\\*\\* run by Surefire .*? and \\*\\*(\\d+)\\*\\* by\\s+Failsafe",
            Pattern.DOTALL);

    @Test
    void theDevelopmentPageStatesHowManyTestClassesThereAreAndWhereTheyRun() throws IOException {
        List<String> testClasses = testClasses();
        long failsafe = testClasses.stream()
                .filter(text -> FAILSAFE_TAG.matcher(text).find())
                .count();
        long surefire = testClasses.size() - failsafe;
        var stated = STATED.matcher(Files.readString(Path.of("docs/development.md")));

        assertThat(stated.find())
                .as("docs/development.md states the test classes")
                .isTrue();
        System.out.printf("test classes: %d (Surefire %d, Failsafe %d)%n", testClasses.size(), surefire, failsafe);
        assertThat(List.of(stated.group(1), stated.group(2), stated.group(3)))
                .containsExactly(Long.toString(testClasses.size()), Long.toString(surefire), Long.toString(failsafe));
    }

    private static List<String> testClasses() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.filter(path -> path.getFileName().toString().endsWith("Test.java"))
                    .map(SuiteFiguresTest::read)
                    .filter(text -> TEST_METHOD.matcher(text).find())
                    .filter(text -> !text.contains("abstract class"))
                    .toList();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
