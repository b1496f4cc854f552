package dev.glimpse.tools.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command as a user runs it, with the real all-MiniLM-L6-v2. */
class EvaluateSearchTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheTableTheMissesAndTheHybridLineLast() throws Exception {
        Path pairs = folder.resolve("pairs.tsv");
        Files.writeString(pairs, """
                a red car parked on the side of the road\ta crimson automobile by the curb
                a dog running on the beach with a ball\tpuppy playing fetch on the sand
                a cat sleeping on a grey couch\t
                a plate of spaghetti with tomato sauce\tpasta with red sauce
                a man riding a horse on a beach\tquarterly tax return spreadsheet
                """, StandardCharsets.UTF_8);

        int status = run("--pairs=" + pairs, "--model=" + Fixtures.model("all-MiniLM-L6-v2"));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        System.out.println(String.join("\n", lines));
        assertThat(status).isZero();
        assertThat(lines.getFirst()).startsWith("pairs.tsv: 5 captions, 4 queries");
        assertThat(lines).anyMatch(line -> line.startsWith("| embedding |"));
        assertThat(lines).anyMatch(line -> line.startsWith("| bm25      |"));
        assertThat(lines).anyMatch(line -> line.startsWith("| hybrid    |"));
        assertThat(lines)
                .anyMatch(line -> line.startsWith("  \"quarterly tax return spreadsheet\" -> ")
                        && line.endsWith("intended \"a man riding a horse on a beach\" at rank 5"));
        // nothing matches the unrelated query: its intended image is still shown, among the closest matches
        assertThat(lines.getLast()).matches("hybrid recall@1=0\\.750 recall@5=1\\.000 mrr=0\\.800");
    }

    @Test
    void missingPairsOrUnknownArgumentsAreUsageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--pairs=" + folder.resolve("absent.tsv"))).isEqualTo(2);
        assertThat(run("--pairs=x.tsv", "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(EvaluateSearch.USAGE);
    }

    @Test
    void malformedFileIsReportedWithItsLine() throws Exception {
        Path pairs = folder.resolve("bad.tsv");
        Files.writeString(pairs, "a car\tq\n\tno caption\n", StandardCharsets.UTF_8);

        assertThat(run("--pairs=" + pairs, "--model=" + Fixtures.model("all-MiniLM-L6-v2")))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.tsv line 2: the caption is empty");
    }

    private int run(String... args) {
        return EvaluateSearch.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
