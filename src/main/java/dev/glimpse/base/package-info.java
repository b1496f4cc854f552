/**
 * What every feature shares: the pushed Vaadin app shell, the main layout, error handling, the embedded
 * database and the configuration shared by every feature. It depends on no feature; the entry point is
 * {@code dev.glimpse.GlimpseApplication}.
 */
@NullMarked
package dev.glimpse.base;

import org.jspecify.annotations.NullMarked;
