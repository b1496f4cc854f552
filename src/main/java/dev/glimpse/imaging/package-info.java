/**
 * Image bytes, without Spring: which format a file really is and whether it may be decoded
 * ({@link dev.glimpse.imaging.ImageInspector} under {@link dev.glimpse.imaging.ImageLimits}), the metadata policy
 * that keeps pixels and owner-valued EXIF/ICC and drops location, comments and hidden data (JPEG segments, PNG,
 * WebP and GIF chunks rewritten losslessly), EXIF orientation and JPEG thumbnails. Used by uploads, the captioning
 * pipeline and the examples alike.
 */
@NullMarked
package dev.glimpse.imaging;

import org.jspecify.annotations.NullMarked;
