package dev.glimpse.ml;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns generated token ids into text with a model folder's tokenizer, every special token left out (BLIP's start
 * and end, Whisper's start, language, task, timestamps and end). Thread-safe.
 */
public final class TokenDecoder implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private TokenDecoder(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The decoder of the tokenizer in {@code modelDir} ({@link Tokenizers#loadForDecoding}). */
    public static TokenDecoder load(Path modelDir) {
        return new TokenDecoder(Tokenizers.loadForDecoding(modelDir));
    }

    /** The text of {@code ids}, special tokens skipped. */
    public String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
