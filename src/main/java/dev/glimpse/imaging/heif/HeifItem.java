package dev.glimpse.imaging.heif;

import java.util.List;

/**
 * One item of a HEIF file: a coded image ({@code hvc1}, {@code av01}), a derived one ({@code grid}), metadata
 * ({@code Exif}, {@code mime} with its content type) and where its bytes lie in the file (absolute extents).
 */
record HeifItem(int id, String type, boolean hidden, String contentType, List<Extent> extents) {

    /** A run of the item's bytes: {@code length} bytes at {@code offset} from the start of the file. */
    record Extent(int offset, int length) {}

    int length() {
        return extents.stream().mapToInt(Extent::length).sum();
    }
}
