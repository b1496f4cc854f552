package dev.glimpse.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a model folder with random weights that Glimpse loads like a downloaded checkpoint, so the running app can
 * be measured end to end with a full-size model when the real weights cannot be fetched:
 *
 * <pre>java -jar target/glimpse-*.jar write-random-checkpoint \
 *     src/test/fixtures/configs/blip-image-captioning-base.config.json src/test/fixtures/models/blip-tiny models/random-blip-base</pre>
 *
 * The first argument is a Hugging Face {@code config.json} (BLIP, Whisper or BERT), the second a folder of the same
 * architecture whose tokenizer, preprocessor and generation files are copied, the third the folder to write. Its
 * captions are nonsense; its speed is the real model's.
 */
public final class WriteRandomCheckpoint {

    private WriteRandomCheckpoint() {}

    /** Writes the checkpoint the arguments describe; returns the exit code (2: bad arguments). */
    public static int runFromCommandLine(String[] args) {
        if (args.length != 3 || !Files.isRegularFile(Path.of(args[0])) || !Files.isDirectory(Path.of(args[1]))) {
            System.err.println("usage: write-random-checkpoint CONFIG_JSON FILES_FROM_DIR TARGET_DIR");
            return 2;
        }
        Path target = RandomCheckpoint.write(
                Path.of(args[0]), Path.of(args[1]), RandomCheckpoint.COMPANION_FILES, Path.of(args[2]));
        System.out.println("Wrote " + target.toAbsolutePath());
        return 0;
    }
}
