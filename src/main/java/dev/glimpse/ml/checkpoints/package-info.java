/**
 * Which checkpoint format a model folder holds and how to open it: safetensors (single or sharded) through
 * {@code dev.glimpse.ml}, PyTorch zip pickles through {@code dev.glimpse.ml.torch}. It sits above both so that
 * neither depends on the other's package in a cycle ({@code ml.torch} implements {@code ml}'s {@code Checkpoint}).
 */
@NamedInterface("checkpoints")
package dev.glimpse.ml.checkpoints;

import org.springframework.modulith.NamedInterface;
