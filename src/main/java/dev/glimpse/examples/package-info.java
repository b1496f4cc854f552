/**
 * The idle example gallery. A small browser element reports once per idle period when nobody has moved, typed,
 * touched or scrolled for a while; the gallery on the main page then shows a few example images with captions. They
 * come, in this order, from a remote random-image service (redirects followed to a final URL, bounded in size, time
 * and hosts), from the user's own captioned library, or from a local folder. Examples are captioned at background
 * priority on the shared caption executor, so uploads always go first, and remote captions are cached by final URL
 * and by content hash. Examples are decoded under the upload limits by {@code imaging}'s inspector, so an example the
 * library would refuse is never shown. "Keep" sends an example through the normal upload path. Depends on
 * {@code ingest}, {@code imaging}, {@code library} and {@code caption}; nothing depends on this module.
 */
@NullMarked
package dev.glimpse.examples;

import org.jspecify.annotations.NullMarked;
