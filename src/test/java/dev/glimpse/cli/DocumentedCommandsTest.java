package dev.glimpse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import dev.glimpse.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code java … -jar target/glimpse-….jar <command>} line in README.md and docs/*.md works against the jar the build just
 * made: lines that need nothing but the repository run exactly as written (through bash, from the project root,
 * with this JDK first on the PATH as *Getting started* sets it up); the others (full-size benchmarks, the hub, the
 * user's photos) run the same command on tiny inputs. A command README shows that the jar lacks, or that this test
 * cannot run, fails the test.
 */
@Tag("cli")
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern JAR_COMMAND =
            Pattern.compile("^java\\b.*?-jar (target/glimpse-[^ ]+\\.jar)(?: +([a-z][a-z-]*))?");
    /** Commands whose README lines run as written: they read only files the repository has. */
    private static final Set<String> RUN_AS_WRITTEN = Set.of("evaluate-search", "new-api-token", "hash-password");

    @TempDir
    Path scratch;

    @Test
    void readmeShowsOnlyCommandsTheJarHasAndTheJarItNamesIsBuilt() throws IOException {
        Set<String> known = new CommandLine(new GlimpseCli()).getSubcommands().keySet();
        List<String> lines = documentedLines();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            Matcher command = JAR_COMMAND.matcher(line);
            assertThat(command.find()).isTrue();
            assertThat(ROOT.resolve(command.group(1)))
                    .as("the jar README names: " + line)
                    .isRegularFile();
            if (command.group(2) != null) {
                assertThat(known).as("README: " + line).contains(command.group(2));
            }
        }
        System.out.println("README shows " + lines.size() + " jar command lines: " + documentedCommands());
    }

    @Test
    void linesThatNeedOnlyTheRepositoryRunExactlyAsWritten() throws Exception {
        int ran = 0;
        for (String line : documentedLines()) {
            Matcher command = JAR_COMMAND.matcher(line);
            boolean template = line.contains("["); // "[--option]": a pattern to fill in, not a command to run
            if (command.find() && command.group(2) != null && RUN_AS_WRITTEN.contains(command.group(2)) && !template) {
                String output = bash(line, "a password for the test\n");
                if (command.group(2).equals("evaluate-search")) {
                    assertThat(output).containsPattern("hybrid recall@1=[01]\\.\\d+ recall@5=");
                } else if (command.group(2).equals("hash-password")) {
                    assertThat(output).contains("$2a$10$");
                } else {
                    assertThat(output).contains("token-hashes entry");
                }
                ran++;
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(RUN_AS_WRITTEN.size());
    }

    @Test
    void everyOtherDocumentedCommandRunsOnTinyInputs() throws Exception {
        Map<String, String> tiny = tinyRuns();
        Set<String> documented = documentedCommands();
        documented.removeAll(RUN_AS_WRITTEN);
        assertThat(tiny.keySet()).as("a tiny run for each documented command").containsAll(documented);
        List<String> ordered = new ArrayList<>(documented);
        // the library commands build on each other: import fills a library, backup copies it, restore fills another
        ordered.sort(java.util.Comparator.comparingInt(
                name -> List.of("import", "backup", "restore").indexOf(name)));
        for (String name : ordered) {
            String output = bash("java -jar " + jar() + " " + tiny.get(name), "");
            System.out.println(name + ": " + lastLine(output));
        }
    }

    @Test
    void withoutACommandHelpOrABadCommandTheJarSaysWhatItDoes() throws Exception {
        assertThat(bash("java -jar " + jar() + " --help", "")).contains("evaluate-search", "starts the server");
        Process bad = start("java -jar " + jar() + " evaluate-serch", "");
        assertThat(bad.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
    }

    /** The tiny inputs each command that cannot run as written gets (made in a scratch folder). */
    private Map<String, String> tinyRuns() throws IOException {
        Path configs = Files.createDirectories(scratch.resolve("configs"));
        Files.copy(
                Fixtures.model("all-MiniLM-L6-v2").resolve("config.json"),
                configs.resolve("all-MiniLM-L6-v2.config.json"));
        Path photos = Files.createDirectories(scratch.resolve("photos"));
        Files.write(photos.resolve("one.png"), TestImages.png(160, 120, 1));
        Files.write(photos.resolve("two.jpg"), TestImages.encode(TestImages.picture(200, 150, 2), "jpg"));
        String blipTiny = Fixtures.model("blip-tiny").toString();
        String library = library(scratch.resolve("library"));
        return Map.of(
                "import", "import " + photos + " --report=" + scratch.resolve("refused.tsv") + library,
                "backup", "backup " + scratch.resolve("backup") + library,
                "restore", "restore " + scratch.resolve("backup") + library(scratch.resolve("restored")),
                "bench", "bench --quick --only=minilm --fixtures=" + Fixtures.root() + " --configs=" + configs,
                "index-bench", "index-bench 2000 --queries=10 --recall-queries=10 --clusters=10",
                "import-bench",
                        "import-bench --count=12 --fixtures=" + Fixtures.root() + " --dir=" + scratch.resolve("bench"),
                "compare-captioners",
                        "compare-captioners --images=" + photos + " --out=" + scratch.resolve("comparison") + " "
                                + blipTiny,
                "write-random-checkpoint",
                        "write-random-checkpoint " + blipTiny + "/config.json " + blipTiny + " "
                                + scratch.resolve("random-blip"),
                "prefetch-models",
                        "prefetch-models --glimpse.caption.model=" + blipTiny + " --glimpse.speech.model="
                                + Fixtures.model("whisper-tiny") + " --glimpse.embedding.model="
                                + Fixtures.model("all-MiniLM-L6-v2"));
    }

    /** The settings that put a library (database, blobs, index) in {@code folder}. */
    private static String library(Path folder) {
        return " --glimpse.database.embedded.data-directory=" + folder.resolve("postgres")
                + " --glimpse.storage.local.root=" + folder.resolve("blobs")
                + " --glimpse.index.directory=" + folder.resolve("index");
    }

    /** README.md, then every {@code docs/*.md} in name order: what a user reads. */
    private static List<String> documentationLines() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(path -> path.toString().endsWith(".md"))
                    .sorted()
                    .toList()) {
                lines.addAll(Files.readAllLines(doc, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** The bash lines of README and docs that run the jar, continuation lines joined and comments removed. */
    static List<String> documentedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inBash = false;
        StringBuilder current = new StringBuilder();
        for (String raw : documentationLines()) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String joined = current.toString()
                    .replaceAll("\\s+#.*$", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            current.setLength(0);
            if (JAR_COMMAND.matcher(joined).find()) {
                lines.add(joined);
            }
        }
        return lines;
    }

    private static Set<String> documentedCommands() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : documentedLines()) {
            Matcher command = JAR_COMMAND.matcher(line);
            if (command.find() && command.group(2) != null) {
                names.add(command.group(2));
            }
        }
        return names;
    }

    private static String jar() throws IOException {
        Matcher command = JAR_COMMAND.matcher(documentedLines().getFirst());
        assertThat(command.find()).isTrue();
        return command.group(1);
    }

    /** Runs a line through bash from the project root; asserts it ends with exit code 0 and returns its output. */
    private static String bash(String line, String input) throws Exception {
        Process process = start(line, input);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(line).isTrue();
        System.out.println("$ " + line + "\n" + output);
        assertThat(process.exitValue()).as(line + "\n" + output).isZero();
        return output;
    }

    private static Process start(String line, String input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", line).directory(ROOT.toFile());
        builder.redirectErrorStream(true);
        Path javaHome = Path.of(System.getProperty("java.home"));
        builder.environment().put("PATH", javaHome.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        return process;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
