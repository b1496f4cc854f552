/**
 * The stored images: the {@link dev.glimpse.library.Image} entity and its repository, one query service
 * ({@link dev.glimpse.library.ImageQueries}: one image, a page or a filtered slice of the library, bytes and thumbnails,
 * similar images, the captioning backlog, a subscription to changes) and one command service
 * ({@link dev.glimpse.library.ImageCommands}: delete, delete with undo, restore, re-caption, a person's caption, the
 * pipeline's finished or failed caption) for pages, the API, the pipeline and the import. Every change is one
 * transaction ({@link dev.glimpse.library.ImageLifecycle}) announced as an {@link dev.glimpse.library.ImageChanged}
 * event and appended to the change log in the same transaction ({@link dev.glimpse.library.ImageChangeOutbox}); the
 * follower that replays the log into each instance's index lives beside that index ({@code search.index}), and its
 * announcements reach open pages through {@link dev.glimpse.library.ImageUpdates}. Also the content endpoints that serve
 * originals and thumbnails; the views are in {@code library.ui}.
 */
@NullMarked
package dev.glimpse.library;

import org.jspecify.annotations.NullMarked;
