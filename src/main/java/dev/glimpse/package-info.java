/**
 * The application's entry point and its command-line commands: {@link dev.glimpse.GlimpseApplication} starts the web
 * app (every package below is a feature module), {@link dev.glimpse.PrefetchModels} downloads the configured models
 * and exits.
 */
@NullMarked
package dev.glimpse;

import org.jspecify.annotations.NullMarked;
