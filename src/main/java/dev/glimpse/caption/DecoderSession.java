package dev.glimpse.caption;

/**
 * A decoding run of BLIP's text decoder over a set of rows, all conditioned on their image; one token per row per
 * step (BLIP's prompt is its start token). The generation loops in {@code dev.glimpse.ml.generation} drive it.
 */
interface DecoderSession extends dev.glimpse.ml.generation.DecoderSession {}
