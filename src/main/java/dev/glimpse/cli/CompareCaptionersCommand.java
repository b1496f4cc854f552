package dev.glimpse.cli;

import dev.glimpse.tools.compare.CompareCaptioners;
import picocli.CommandLine.Command;

/** {@code compare-captioners}: captioning models side by side on the user's own images. */
@Command(
        name = "compare-captioners",
        mixinStandardHelpOptions = true,
        description = {
            "Captions a folder of images with each model, times them and, with reference captions, scores them.",
            "Options: --images=DIR --out=DIR [--references=FILE.json|FILE.csv] [--models-dir=models] [--offline]"
                    + " [--batch=4] [--max-new-tokens=20] [--warm-up=1] MODEL..."
        })
final class CompareCaptionersCommand extends PassThroughCommand {

    @Override
    int run(String[] options) {
        return CompareCaptioners.run(options, System.out, System.err);
    }
}
