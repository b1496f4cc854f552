package dev.glimpse.cli;

import dev.glimpse.tools.bench.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code import-bench}: import rate, memory and time to a captioned library on generated photos. */
@Command(
        name = "import-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Generates N photos of realistic sizes (JPEG 0.5-8 MB, PNG, HEIC), imports them into a fresh library and"
                    + " prints files stored per second, the resident memory during the import and the time until"
                    + " every image is captioned.",
            "Options: [--count=N] [--threads=N] [--seed=N] [--heic-from=DIR] [--fixtures=DIR] [--caption-model=DIR]"
                    + " [--no-captions] [--dir=DIR]"
        })
final class ImportBenchCommand extends PassThroughCommand {

    @ParentCommand
    GlimpseCli glimpse;

    @Override
    int run(String[] options) throws Exception {
        return ImportBenchmark.runFromCommandLine(options, glimpse.server());
    }
}
