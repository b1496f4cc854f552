package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.glimpse.ml.Activations;
import dev.glimpse.ml.AttentionOps;
import dev.glimpse.ml.BertLayer;
import dev.glimpse.ml.Embedding;
import dev.glimpse.ml.KvCache;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Linear;
import dev.glimpse.ml.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * BLIP's text decoder ({@code BlipTextLMHeadModel}) from the {@code text_decoder.} tensors: BERT
 * embeddings (words plus positions offset by the cached length, then layer norm), causal BERT layers
 * with cross-attention over the image embeddings, and the language-model head ({@code
 * cls.predictions}: dense, GELU, layer norm, projection onto the vocabulary). The projection weight
 * is tied to the word embeddings when the checkpoint does not store it.
 */
final class BlipTextDecoder {

    private final BlipConfig.Text config;
    private final Embedding words;
    private final Embedding positions;
    private final LayerNorm embeddingNorm;
    private final List<BertLayer> layers = new ArrayList<>();
    private final Linear transform;
    private final LayerNorm transformNorm;
    private final Linear vocabularyProjection;

    BlipTextDecoder(Weights decoder, BlipConfig.Text config) {
        this.config = config;
        Weights embeddings = decoder.at("bert.embeddings.");
        this.words = new Embedding(embeddings.get("word_embeddings.weight"));
        this.positions = new Embedding(embeddings.get("position_embeddings.weight"));
        this.embeddingNorm = new LayerNorm(embeddings.at("LayerNorm."), config.layerNormEps());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(
                    new BertLayer(decoder.at("bert.encoder.layer." + i + "."), config.heads(), config.layerNormEps()));
        }
        Weights head = decoder.at("cls.predictions.");
        this.transform = new Linear(head.at("transform.dense."));
        this.transformNorm = new LayerNorm(head.at("transform.LayerNorm."), config.layerNormEps());
        NDArray projection =
                decoder.getOrTied("cls.predictions.decoder.weight", "bert.embeddings.word_embeddings.weight");
        this.vocabularyProjection = new Linear(projection, head.getOrTied("decoder.bias", "bias"));
    }

    int layerCount() {
        return layers.size();
    }

    /**
     * Logits [b, t, vocab] for every position of {@code ids} [b, t] (int64), the last {@code t} of
     * {@code pastLength + t} positions when {@code cache} holds the earlier ones.
     *
     * @param imageEmbeds [b, s, e]; unused by layers whose cross-attention keys are already cached
     * @param cache keys/values of earlier steps, extended by this call; null to attend only to {@code ids}
     */
    NDArray logits(NDArray ids, long pastLength, NDArray imageEmbeds, KvCache cache) {
        return head(hidden(ids, pastLength, imageEmbeds, cache));
    }

    /** Logits [b, vocab] of the last position only, as generation needs. */
    NDArray lastLogits(NDArray ids, long pastLength, NDArray imageEmbeds, KvCache cache) {
        return lastPositionLogits(hidden(ids, pastLength, imageEmbeds, cache));
    }

    /** The language-model head over the last position of hidden states [b, t, d]: logits [b, vocab]. */
    NDArray lastPositionLogits(NDArray hidden) {
        return head(hidden.get(new NDIndex(":, -1, :")));
    }

    /** Computes every layer's cross-attention keys/values over {@code imageEmbeds} into {@code cache}. */
    void prefillCross(NDArray imageEmbeds, KvCache cache) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).prefillCross(imageEmbeds, cache.layer(i));
        }
    }

    /** Hidden states [b, t, d] before the language-model head; see {@link #logits}. */
    NDArray hidden(NDArray ids, long pastLength, NDArray imageEmbeds, KvCache cache) {
        long length = ids.getShape().get(1);
        if (pastLength + length > config.maxPositions()) {
            throw new IllegalArgumentException("Sequence of " + (pastLength + length)
                    + " tokens exceeds max_position_embeddings " + config.maxPositions());
        }
        NDManager manager = ids.getManager();
        NDArray positionIds = manager.arange((int) pastLength, (int) (pastLength + length), 1, DataType.INT64)
                .reshape(1, length);
        NDArray hidden = embeddingNorm.forward(words.forward(ids).addi(positions.forward(positionIds)));
        // A single new position may attend to every cached one: no mask to build and add.
        NDArray causal =
                length == 1 ? null : AttentionOps.causalMask(manager, (int) length, (int) (pastLength + length));
        for (int i = 0; i < layers.size(); i++) {
            hidden = layers.get(i).forward(hidden, causal, imageEmbeds, null, cache == null ? null : cache.layer(i));
        }
        return hidden;
    }

    /** The language-model head: logits [.., vocab] of hidden states [.., d]. */
    NDArray head(NDArray hidden) {
        NDArray transformed = transformNorm.forward(Activations.gelu(transform.forward(hidden)));
        return vocabularyProjection.forward(transformed);
    }
}
