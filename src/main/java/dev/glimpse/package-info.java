/**
 * The application's entry point: {@link dev.glimpse.GlimpseApplication} starts the web app (every package below is a
 * feature module), or runs the command-line command its arguments name ({@link dev.glimpse.cli.GlimpseCli}).
 */
@NullMarked
package dev.glimpse;

import org.jspecify.annotations.NullMarked;
