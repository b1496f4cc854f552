package dev.glimpse.ml.checkpoints;

import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.SafeTensors;
import dev.glimpse.ml.ShardedCheckpoint;
import dev.glimpse.ml.torch.TorchCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Opens the checkpoint of a model folder laid out as a Hugging Face repository. */
public final class Checkpoints {

    /** A file a model folder may hold, in order of preference, and how to open it. */
    private record Format(String fileName, Function<Path, Checkpoint> opener) {}

    /** The formats tried, first match wins: safetensors before PyTorch pickles, a single file before shards. */
    private static final List<Format> FORMATS = List.of(
            new Format("model.safetensors", SafeTensors::open),
            new Format("model.safetensors.index.json", index -> ShardedCheckpoint.open(index, SafeTensors::open)),
            new Format("pytorch_model.bin", TorchCheckpoint::open),
            new Format("pytorch_model.bin.index.json", index -> ShardedCheckpoint.open(index, TorchCheckpoint::open)));

    private Checkpoints() {}

    /**
     * Opens the model's weights from {@code modelDir}.
     *
     * @throws IllegalArgumentException when the folder holds no checkpoint file this runtime reads
     */
    public static Checkpoint open(Path modelDir) {
        for (Format format : FORMATS) {
            Path file = modelDir.resolve(format.fileName());
            if (Files.isRegularFile(file)) {
                return format.opener().apply(file);
            }
        }
        throw new IllegalArgumentException("No model weights in " + modelDir + ": expected one of "
                + FORMATS.stream().map(Format::fileName).collect(Collectors.joining(", ")));
    }
}
