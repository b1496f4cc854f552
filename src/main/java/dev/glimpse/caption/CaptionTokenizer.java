package dev.glimpse.caption;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.glimpse.ml.Tokenizers;
import java.nio.file.Path;
import java.util.Arrays;

/** Turns generated token ids into caption text with the model's {@code tokenizer.json}, special tokens skipped. */
final class CaptionTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private CaptionTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static CaptionTokenizer load(Path modelDir) {
        return new CaptionTokenizer(Tokenizers.loadForDecoding(modelDir));
    }

    String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
