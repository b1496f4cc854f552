package dev.glimpse.imaging.heif;

import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * A decoded HEIC/AVIF primary image.
 *
 * @param pixels the picture as shown (rotation and mirroring applied), {@code TYPE_INT_ARGB} when the file has an
 *     alpha plane, else {@code TYPE_INT_RGB}; scaled down to the requested longest side when larger
 * @param width the full picture's width as shown (after rotation), which {@code pixels} may be smaller than
 * @param height the full picture's height as shown
 * @param exif the Exif item as a TIFF block ({@code II*\0} or {@code MM\0*}), for capture time and camera; null
 *     when the file has none
 */
public record DecodedHeif(BufferedImage pixels, int width, int height, byte @Nullable [] exif) {}
