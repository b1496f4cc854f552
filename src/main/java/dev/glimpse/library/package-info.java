/**
 * The stored images: the {@link dev.glimpse.library.Image} entity and its repository, every state change after upload
 * in one transaction ({@link dev.glimpse.library.ImageLifecycle}) announced as an
 * {@link dev.glimpse.library.ImageChanged} event, the shared change log (transactional outbox) that each instance's
 * {@link dev.glimpse.library.IndexFollower} replays into its search index and its open pages
 * ({@link dev.glimpse.library.ImageUpdates}), and what people do with stored images
 * ({@link dev.glimpse.library.ImageService}, {@link dev.glimpse.library.ImageEdits}). Also the library's views: the
 * photo grid, the image viewer and the content endpoints that serve originals and thumbnails.
 */
@NullMarked
package dev.glimpse.library;

import org.jspecify.annotations.NullMarked;
