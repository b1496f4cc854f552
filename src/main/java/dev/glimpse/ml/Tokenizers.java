package dev.glimpse.ml;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads a model folder's Hugging Face tokenizer. */
public final class Tokenizers {

    private Tokenizers() {}

    /**
     * The tokenizer of {@code modelDir} with DJL's defaults: special tokens added, batches padded to their longest
     * member, truncation at the {@code tokenizer.json}'s maximum length or else 512 tokens.
     */
    public static HuggingFaceTokenizer load(Path modelDir) {
        return load(modelDir, Map.of());
    }

    /**
     * The tokenizer of {@code modelDir}; {@code options} are DJL's ({@code padding}, {@code truncation},
     * {@code maxLength}, {@code addSpecialTokens}, …) and override the file's settings.
     *
     * <p>Extension point: repositories without {@code tokenizer.json} ({@code vocab.txt} + {@code
     * tokenizer_config.json}) get a fallback here.
     */
    public static HuggingFaceTokenizer load(Path modelDir, Map<String, String> options) {
        Path file = modelDir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No tokenizer.json in " + modelDir);
        }
        try {
            return HuggingFaceTokenizer.newInstance(file, options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + file, e);
        }
    }
}
