package dev.glimpse.cli;

import dev.glimpse.tools.evaluate.EvaluateSearch;
import picocli.CommandLine.Command;

/** {@code evaluate-search}: search quality (recall@1/@5, MRR) on caption–query pairs. */
@Command(
        name = "evaluate-search",
        mixinStandardHelpOptions = true,
        description = {
            "Indexes the captions of a caption<TAB>query file and scores every query: recall@1, recall@5 and MRR.",
            "Options: --pairs=FILE.tsv [--model=DIR-or-hub-id]"
        })
final class EvaluateSearchCommand extends PassThroughCommand {

    @Override
    int run(String[] options) {
        return EvaluateSearch.run(options, System.out, System.err);
    }
}
