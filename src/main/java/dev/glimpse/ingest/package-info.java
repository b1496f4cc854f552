/**
 * Getting images in: checking each upload (size, real type from its bytes, header dimensions, a full decode, all by
 * {@link dev.glimpse.imaging.ImageInspector}), storing it once per content hash after the metadata policy, making its
 * thumbnail and recording it as a {@link dev.glimpse.library.Image} row whose change event the library announces.
 * Also the JSON image API; the upload page (the home page) is in {@code ingest.ui}.
 */
@NullMarked
package dev.glimpse.ingest;

import org.jspecify.annotations.NullMarked;
