/**
 * What the command-line tools measure, apart from the product's features: {@code compare} scores captioning models
 * on the user's images. The commands themselves are in {@code dev.glimpse.cli}; nothing in a feature depends on this
 * package.
 */
@NullMarked
package dev.glimpse.tools;

import org.jspecify.annotations.NullMarked;
