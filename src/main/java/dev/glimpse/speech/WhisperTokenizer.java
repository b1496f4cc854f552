package dev.glimpse.speech;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.glimpse.ml.Tokenizers;
import java.nio.file.Path;
import java.util.Arrays;

/** Turns generated Whisper token ids into text with the checkpoint's {@code tokenizer.json}, special tokens skipped. */
final class WhisperTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private WhisperTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static WhisperTokenizer load(Path modelDir) {
        return new WhisperTokenizer(Tokenizers.loadForDecoding(modelDir));
    }

    /** The text of {@code ids} with every special token (start, language, task, timestamps, end) left out. */
    String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
