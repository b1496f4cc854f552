package dev.glimpse.cli;

import dev.glimpse.tools.bench.ModelBenchmark;
import picocli.CommandLine.Command;

/** {@code bench}: the model benchmark (BLIP, Whisper, MiniLM at real size with random weights). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times BLIP, Whisper and MiniLM at real size (random weights) against hardware bounds measured in the"
                    + " same run.",
            "Options: [--quick] [--stages | --batching] [--only=blip,whisper,minilm] [--fixtures=DIR] [--configs=DIR]"
        })
final class BenchCommand extends PassThroughCommand {

    @Override
    int run(String[] options) {
        return ModelBenchmark.runFromCommandLine(options);
    }
}
