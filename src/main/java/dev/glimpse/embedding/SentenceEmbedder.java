package dev.glimpse.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.glimpse.ml.Checkpoint;
import dev.glimpse.ml.ModelOptions;
import dev.glimpse.ml.Tokenizers;
import dev.glimpse.ml.Weights;
import dev.glimpse.ml.checkpoints.Checkpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A BERT sentence-transformer (such as all-MiniLM-L6-v2) run natively: tokenises with the model's
 * {@code tokenizer.json} (truncating at the model's maximum length), encodes a whole batch in one padded forward
 * pass, pools the token vectors as the model's pooling config says (mean over the attention mask by default) and
 * L2-normalises, so that the dot product of two embeddings is their cosine similarity. Thread-safe: every call works
 * in its own child manager.
 */
public final class SentenceEmbedder implements AutoCloseable {

    private final NDManager manager;
    private final HuggingFaceTokenizer tokenizer;
    private final BertEncoder encoder;
    private final Pooling pooling;
    private final int maxLength;
    private final int padTokenId;

    private SentenceEmbedder(
            NDManager manager,
            HuggingFaceTokenizer tokenizer,
            BertEncoder encoder,
            Pooling pooling,
            BertConfig config,
            int maxLength) {
        this.manager = manager;
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.pooling = pooling;
        this.maxLength = maxLength;
        this.padTokenId = config.padTokenId();
    }

    /** Loads the model in {@code modelDir} on the CPU. */
    public static SentenceEmbedder load(Path modelDir) {
        return load(modelDir, ModelOptions.defaults());
    }

    /** Loads the model in {@code modelDir} (config.json, weights, tokenizer.json, optional pooling config). */
    public static SentenceEmbedder load(Path modelDir, ModelOptions options) {
        BertConfig config = BertConfig.read(modelDir);
        NDManager manager = NDManager.newBaseManager(options.djlDevice());
        HuggingFaceTokenizer tokenizer = null;
        try (Checkpoint checkpoint = Checkpoints.open(modelDir)) {
            BertEncoder encoder = new BertEncoder(Weights.load(checkpoint, manager), config);
            int maxLength = MaxLength.of(modelDir, encoder.maxPositions());
            tokenizer = Tokenizers.load(
                    modelDir,
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxLength)));
            return new SentenceEmbedder(manager, tokenizer, encoder, Pooling.read(modelDir), config, maxLength);
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            manager.close();
            throw e;
        }
    }

    /** One L2-normalised vector per sentence, in order, computed as one padded batch. */
    public float[][] embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return new float[0][];
        }
        long[][] ids = tokenIds(sentences);
        try (NDManager request = manager.newSubManager()) {
            PaddedBatch batch = PaddedBatch.of(request, ids, padTokenId);
            NDArray hidden = encoder.forward(batch.ids(), batch.attentionMask());
            NDArray pooled = pooling.apply(hidden, batch.attentionMask());
            NDArray norms = pooled.norm(new int[] {1}, true).clip(1e-12f, Float.MAX_VALUE);
            return rows(pooled.div(norms).toFloatArray(), sentences.size());
        }
    }

    /** The L2-normalised vector of one sentence. */
    public float[] embed(String sentence) {
        return embed(List.of(sentence))[0];
    }

    /** Token ids as the model sees them, with special tokens and truncation. */
    long[][] tokenIds(List<String> sentences) {
        Encoding[] encodings = tokenizer.batchEncode(sentences);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    private float[][] rows(float[] flat, int count) {
        int width = flat.length / count;
        float[][] rows = new float[count][width];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    /** Length of the embeddings. */
    public int dimension() {
        return (int) encoder.dimension();
    }

    /** Longest input in tokens, special tokens included; longer sentences are truncated. */
    public int maxLength() {
        return maxLength;
    }

    /** Arrays held by the model's manager (the weights); for tests that no request leaves anything behind. */
    int modelArrayCount() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
