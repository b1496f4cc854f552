package dev.glimpse.imaging.heif;

import org.jspecify.annotations.Nullable;

/**
 * What a HEIC/AVIF file holds, read from its structure without decoding a pixel: its format, the primary image's
 * size as shown (after rotation), whether it has an alpha plane, and its Exif (a TIFF block) when it has one.
 */
public record HeifInfo(HeifFormat format, int width, int height, boolean hasAlpha, byte @Nullable [] exif) {}
