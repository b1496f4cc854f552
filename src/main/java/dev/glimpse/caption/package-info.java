/**
 * The BLIP captioner, written natively on the shared {@code ml} runtime: image pre-processing that
 * reproduces transformers' BlipImageProcessor (PIL's RGB conversion and antialiased bicubic resize),
 * the ViT vision encoder, the BERT text decoder with cross-attention, and greedy or beam-search
 * generation with a key/value cache. {@link dev.glimpse.caption.BlipCaptioner} is the public entry
 * point; it takes {@code BufferedImage}s and returns caption strings.
 */
@NullMarked
package dev.glimpse.caption;

import org.jspecify.annotations.NullMarked;
