/**
 * The home page (route {@code ""}, {@link dev.glimpse.ingest.ui.UploadView}): the upload tray that sends each picked
 * file on its own request and draws its row ({@link dev.glimpse.ingest.ui.UploadRowText}), the library section below
 * it, and the sections other features add ({@link dev.glimpse.ingest.ui.UploadPageSection}, hence a named interface).
 */
@NamedInterface("ui")
@NullMarked
package dev.glimpse.ingest.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
