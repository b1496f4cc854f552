/**
 * Background work on stored images: captioning each new image under a leased claim
 * ({@link dev.glimpse.pipeline.ImageClaims}, {@link dev.glimpse.pipeline.CaptionPipeline}) with back-off while
 * storage is down, retrying failed images when a model comes back, purging deleted images after their undo time and
 * sweeping blobs no row refers to. Talks to the library through its public services and events only.
 */
@NullMarked
package dev.glimpse.pipeline;

import org.jspecify.annotations.NullMarked;
