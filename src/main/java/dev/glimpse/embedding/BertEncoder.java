package dev.glimpse.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.glimpse.ml.AttentionOps;
import dev.glimpse.ml.BertLayer;
import dev.glimpse.ml.Embedding;
import dev.glimpse.ml.LayerNorm;
import dev.glimpse.ml.Weights;
import java.util.ArrayList;
import java.util.List;

/**
 * transformers' {@code BertModel} without the pooler: word + position + token-type embeddings, layer norm, then the
 * encoder layers. Accepts checkpoints saved from {@code BertModel} (names start with {@code embeddings.}) and from
 * task models ({@code bert.embeddings.}); the {@code position_ids} buffer, when stored, is not needed.
 */
final class BertEncoder {

    private static final String TASK_MODEL_PREFIX = "bert.";

    private final Embedding words;
    private final Embedding positions;
    private final Embedding tokenTypes;
    private final LayerNorm embeddingNorm;
    private final List<BertLayer> layers;
    private final int maxPositions;

    BertEncoder(Weights checkpoint, BertConfig config) {
        Weights root =
                checkpoint.has("embeddings.word_embeddings.weight") ? checkpoint : checkpoint.at(TASK_MODEL_PREFIX);
        Weights embeddings = root.at("embeddings.");
        this.words = new Embedding(embeddings.get("word_embeddings.weight"));
        this.positions = new Embedding(embeddings.get("position_embeddings.weight"));
        this.tokenTypes = new Embedding(embeddings.get("token_type_embeddings.weight"));
        this.embeddingNorm = new LayerNorm(embeddings.at("LayerNorm."), config.layerNormEps());
        List<BertLayer> list = new ArrayList<>(config.layers());
        for (int i = 0; i < config.layers(); i++) {
            list.add(new BertLayer(root.at("encoder.layer." + i + "."), config.heads(), config.layerNormEps()));
        }
        this.layers = List.copyOf(list);
        this.maxPositions = (int) positions.size();
    }

    /**
     * @param ids token ids [b, t] (int64)
     * @param attentionMask 1 for tokens, 0 for padding [b, t] (int64)
     * @return last hidden state [b, t, d]
     */
    NDArray forward(NDArray ids, NDArray attentionMask) {
        long length = ids.getShape().get(1);
        if (length > maxPositions) {
            throw new IllegalArgumentException(
                    "Sequence of " + length + " tokens exceeds the model's " + maxPositions + " positions");
        }
        NDArray positionIds =
                ids.getManager().arange(0, length, 1, DataType.INT64).expandDims(0);
        NDArray typeIds = ids.zerosLike();
        NDArray hidden = words.forward(ids).addi(tokenTypes.forward(typeIds)).addi(positions.forward(positionIds));
        hidden = embeddingNorm.forward(hidden);
        NDArray mask = AttentionOps.paddingMask(attentionMask);
        for (BertLayer layer : layers) {
            hidden = layer.forward(hidden, mask, null, null, null);
        }
        return hidden;
    }

    int maxPositions() {
        return maxPositions;
    }

    long dimension() {
        return words.dimension();
    }
}
