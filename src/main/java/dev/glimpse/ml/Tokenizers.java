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
     * The tokenizer of {@code modelDir} for turning generated ids back into text: no truncation or padding, so DJL
     * has no maximum length to guess (and warn about).
     */
    public static HuggingFaceTokenizer loadForDecoding(Path modelDir) {
        return load(modelDir, Map.of("truncation", "false", "padding", "false"));
    }

    /**
     * The tokenizer of {@code modelDir}; {@code options} are DJL's ({@code padding}, {@code truncation},
     * {@code maxLength}, {@code addSpecialTokens}, …) and override the file's settings.
     *
     * <p>Repositories without {@code tokenizer.json} but with a BERT {@code vocab.txt} (+ {@code
     * tokenizer_config.json}, {@code special_tokens_map.json}) get an equivalent tokenizer built by {@link
     * BertTokenizerJson}.
     */
    public static HuggingFaceTokenizer load(Path modelDir, Map<String, String> options) {
        Path file = modelDir.resolve("tokenizer.json");
        if (BertTokenizerJson.applies(modelDir)) {
            return BertTokenizerJson.load(modelDir, options);
        }
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
