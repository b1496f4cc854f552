package dev.glimpse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command-line entry: which arguments are commands, help, and how bad arguments end. */
class GlimpseCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GlimpseCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aWordIsACommandWhileSettingsOrNothingStartTheServer() {
        assertThat(GlimpseCli.handles(new String[] {"evaluate-search", "--pairs=x.tsv"}))
                .isTrue();
        assertThat(GlimpseCli.handles(new String[] {"--help"})).isTrue();
        assertThat(GlimpseCli.handles(new String[] {"-V"})).isTrue();
        assertThat(GlimpseCli.handles(new String[0])).isFalse();
        assertThat(GlimpseCli.handles(new String[] {"--server.port=9000", "--glimpse.caption.model=x"}))
                .isFalse();
    }

    @Test
    void helpListsEveryCommandAndSaysTheServerIsTheDefault() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "prefetch-models",
                        "hash-password",
                        "new-api-token",
                        "bench",
                        "index-bench",
                        "import-bench",
                        "evaluate-search",
                        "compare-captioners",
                        "write-random-checkpoint")
                .contains("Without a command, starts the server");
    }

    @Test
    void aCommandsHelpDescribesItsOptionsWithoutRunningIt() {
        assertThat(run("evaluate-search", "--help")).isZero();
        assertThat(out.toString()).contains("--pairs=FILE.tsv").contains("recall@1");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        assertThat(run("evaluate-serch")).isEqualTo(2);
        assertThat(err.toString()).contains("evaluate-serch");
    }

    @Test
    void aToolsOwnOptionsReachItUnchangedAndItsUsageErrorIsExitCodeTwo() {
        assertThat(run("bench", "--only=gpt")).isEqualTo(2);
        assertThat(run("evaluate-search", "--pairs=/no/such/file.tsv")).isEqualTo(2);
        assertThat(run("write-random-checkpoint", "only-one-argument")).isEqualTo(2);
    }

    @Test
    void newApiTokenPrintsATokenAndItsHash() {
        assertThat(run("new-api-token")).isZero();
    }
}
