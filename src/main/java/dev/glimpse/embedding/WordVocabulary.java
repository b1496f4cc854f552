package dev.glimpse.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.glimpse.ml.Tokenizers;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole words of an embedding model's vocabulary: a word its tokenizer keeps as one token ("stars", "stairs") is
 * a word the model learnt from text, so a search can leave it uncorrected even when no caption has it, whereas a
 * misspelling ("watterfall", "cookeis") falls apart into pieces. Only the tokenizer is loaded, not the weights.
 * Thread-safe.
 */
public final class WordVocabulary implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private WordVocabulary(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The vocabulary of the tokenizer in {@code modelDir}. */
    public static WordVocabulary load(Path modelDir) {
        return new WordVocabulary(Tokenizers.load(modelDir, Map.of("truncation", "false", "padding", "false")));
    }

    /** Whether the tokenizer keeps {@code word} (lower case, letters only) as one whole token. */
    public boolean hasWord(String word) {
        Encoding encoding = tokenizer.encode(word, false, false);
        String[] tokens = encoding.getTokens();
        return tokens.length == 1 && tokens[0].equals(word);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
