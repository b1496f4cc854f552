/**
 * Side-by-side comparison of captioning models on the user's own images and hardware:
 * {@link dev.glimpse.tools.compare.CompareCaptioners} loads each BLIP checkpoint, times it, measures memory and,
 * with reference captions, scores corpus BLEU-4, ROUGE-L and word error rate with this package's own metric code,
 * and writes a Markdown table plus per-image captions as CSV and JSON. A command-line tool without Spring
 * ({@code compare-captioners}), published to the command-line entry as the named interface {@code compare}.
 */
@NamedInterface("compare")
@NullMarked
package dev.glimpse.tools.compare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
