/**
 * HEIC/HEIF and AVIF pictures, without Spring: recognising them by their {@code ftyp} brands
 * ({@link dev.glimpse.imaging.heif.HeifFormat}), reading their item structure with a small ISOBMFF reader
 * ({@link dev.glimpse.imaging.heif.HeifContainer}), decoding the coded HEVC or AV1 data through FFmpeg (JavaCV's
 * bundled natives), assembling tile grids, applying rotation and mirroring and keeping alpha
 * ({@link dev.glimpse.imaging.heif.HeifDecoder}), a JPEG rendition for browsers
 * ({@link dev.glimpse.imaging.heif.DisplayRendition}) and blanking location and private data in the Exif and XMP
 * items of a stored original in place ({@link dev.glimpse.imaging.heif.HeifMetadataBlanker}).
 */
@NullMarked
package dev.glimpse.imaging.heif;

import org.jspecify.annotations.NullMarked;
