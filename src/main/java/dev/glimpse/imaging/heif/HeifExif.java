package dev.glimpse.imaging.heif;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Exif item describing the primary image ({@code cdsc} reference; else the file's only Exif item). Its payload
 * is a 4-byte offset to the TIFF header (after an optional {@code Exif\0\0}), then the TIFF block.
 */
final class HeifExif {

    private HeifExif() {}

    static Optional<HeifItem> item(HeifContainer container) {
        Optional<HeifItem> describing = container.referring(container.primary(), "cdsc").stream()
                .filter(item -> item.type().equals("Exif"))
                .findFirst();
        if (describing.isPresent()) {
            return describing;
        }
        var all = container.items().stream()
                .filter(item -> item.type().equals("Exif"))
                .toList();
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    /** Where the TIFF block starts in the item's payload, or -1 when the payload holds none. */
    static int tiffStart(byte[] payload) {
        if (payload.length < 12) {
            return -1;
        }
        long start = 4 + Boxes.u32(payload, 0);
        if (start + 8 > payload.length) {
            return -1;
        }
        int at = (int) start;
        boolean little = payload[at] == 'I' && payload[at + 1] == 'I' && payload[at + 2] == 42 && payload[at + 3] == 0;
        boolean big = payload[at] == 'M' && payload[at + 1] == 'M' && payload[at + 2] == 0 && payload[at + 3] == 42;
        return little || big ? at : -1;
    }

    static byte @Nullable [] tiff(HeifContainer container) {
        return item(container)
                .map(container::bytes)
                .map(payload -> {
                    int start = tiffStart(payload);
                    return start < 0 ? null : Arrays.copyOfRange(payload, start, payload.length);
                })
                .orElse(null);
    }
}
