package dev.glimpse.cli;

import dev.glimpse.tools.bench.WriteRandomCheckpoint;
import picocli.CommandLine.Command;

/** {@code write-random-checkpoint}: a model folder with random weights, for measuring speed without downloads. */
@Command(
        name = "write-random-checkpoint",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a checkpoint with random weights for a config.json (BLIP, Whisper or BERT): real speed, nonsense"
                    + " output.",
            "Options: CONFIG_JSON FILES_FROM_DIR TARGET_DIR"
        })
final class WriteRandomCheckpointCommand extends PassThroughCommand {

    @Override
    int run(String[] options) {
        return WriteRandomCheckpoint.runFromCommandLine(options);
    }
}
