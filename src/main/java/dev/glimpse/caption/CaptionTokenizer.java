package dev.glimpse.caption;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Turns generated token ids into caption text with the model's {@code tokenizer.json}, special tokens skipped. */
final class CaptionTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private CaptionTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static CaptionTokenizer load(Path modelDir) {
        try {
            return new CaptionTokenizer(HuggingFaceTokenizer.newInstance(modelDir.resolve("tokenizer.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load tokenizer.json from " + modelDir, e);
        }
    }

    String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
