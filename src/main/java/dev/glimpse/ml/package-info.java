/**
 * The model runtime shared by every model, usable without the application: checkpoint readers ({@link dev.glimpse.ml.SafeTensors}, sharded
 * indexes) behind {@link dev.glimpse.ml.Checkpoint}, {@link dev.glimpse.ml.Weights} as DJL NDArrays on a model's
 * manager, transformer blocks written once (linear, layer norm, embedding, exact GELU, scaled dot-product attention
 * with masks and a KV cache, the BERT layer, convolutions), tokenizer loading, generation loops and the model hub
 * client. Free of Spring and of the application: {@code dev.glimpse.serving} runs these models inside it. Blocks hold their weights on the model manager and only ever call ops on request arrays
 * first, so that every result lives on the request's manager.
 */
@NullMarked
package dev.glimpse.ml;

import org.jspecify.annotations.NullMarked;
