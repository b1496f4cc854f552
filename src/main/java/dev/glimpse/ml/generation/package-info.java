/**
 * Autoregressive generation shared by every decoder: a {@link dev.glimpse.ml.generation.DecoderSession} feeds tokens
 * and returns next-token logits per row, {@link dev.glimpse.ml.generation.GreedySearch} is the one greedy loop over
 * it, and a {@link dev.glimpse.ml.generation.LogitsProcessor} is where a model adds its own rules (Whisper's token
 * suppression) before a token is chosen; {@link dev.glimpse.ml.generation.BeamSearch} (as transformers' {@code
 * num_beams}) drives the same session type.
 */
@NamedInterface("generation")
package dev.glimpse.ml.generation;

import org.springframework.modulith.NamedInterface;
