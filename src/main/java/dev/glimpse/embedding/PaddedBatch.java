package dev.glimpse.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** Token ids and attention mask [b, t] (int64) of sentences right-padded to the longest one. */
record PaddedBatch(NDArray ids, NDArray attentionMask) {

    static PaddedBatch of(NDManager manager, long[][] sentences, long padId) {
        int longest = Arrays.stream(sentences)
                .mapToInt(sentence -> sentence.length)
                .max()
                .orElse(0);
        long[] ids = new long[sentences.length * longest];
        long[] mask = new long[ids.length];
        Arrays.fill(ids, padId);
        for (int i = 0; i < sentences.length; i++) {
            System.arraycopy(sentences[i], 0, ids, i * longest, sentences[i].length);
            Arrays.fill(mask, i * longest, i * longest + sentences[i].length, 1L);
        }
        Shape shape = new Shape(sentences.length, longest);
        return new PaddedBatch(manager.create(ids, shape), manager.create(mask, shape));
    }
}
