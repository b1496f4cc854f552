/**
 * What the command-line tools measure, apart from the product's features: {@code bench} times the models, the index
 * and an import at full size, {@code compare} scores captioning models on the user's images, {@code evaluate} scores the search on captions and
 * queries it has never seen. The commands themselves are in {@code dev.glimpse.cli}; nothing in a feature depends on
 * this package.
 */
@NullMarked
package dev.glimpse.tools;

import org.jspecify.annotations.NullMarked;
