package dev.glimpse.cli;

import dev.glimpse.tools.bench.IndexBenchmark;
import picocli.CommandLine.Command;

/** {@code index-bench}: build and search rate, latency and recall of the Lucene index at given sizes. */
@Command(
        name = "index-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Fills a fresh index with N synthetic images and measures build rate, size, search latency and recall.",
            "Options: SIZE... [--queries=N] [--recall-queries=N] [--clusters=N] [--dir=PATH [--reuse]]"
        })
final class IndexBenchCommand extends PassThroughCommand {

    @Override
    int run(String[] options) throws Exception {
        return IndexBenchmark.runFromCommandLine(options);
    }
}
