/**
 * The library's views: the photo grid of the home page ({@link dev.glimpse.library.ui.LibrarySection}, grouped by
 * month, virtual), the photo page {@code /photo/{id}} ({@link dev.glimpse.library.ui.PhotoView}) with its caption
 * editor, facts, actions and "More like this", deleting with a few seconds to undo, and the viewer the search page
 * opens. They only wire components and delegate to {@link dev.glimpse.library.ImageQueries} and
 * {@link dev.glimpse.library.ImageCommands}. Published as a named interface because the home page ({@code ingest.ui})
 * shows the library section.
 */
@NamedInterface("ui")
@NullMarked
package dev.glimpse.library.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
