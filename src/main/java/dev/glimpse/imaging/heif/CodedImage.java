package dev.glimpse.imaging.heif;

import dev.glimpse.imaging.heif.ItemProperties.Colour;
import dev.glimpse.imaging.heif.ItemProperties.Size;
import java.util.Optional;

/**
 * A coded image item ready for a decoder: its item type ({@code hvc1} or {@code av01}), decoder configuration,
 * coded bytes, the size the file declares for it and its nclx colour when the file gives one.
 */
record CodedImage(String itemType, byte[] configuration, byte[] data, Size size, Optional<Colour> colour) {

    static boolean isCoded(HeifItem item) {
        return item.type().equals("hvc1") || item.type().equals("av01");
    }

    static CodedImage of(HeifContainer container, ItemProperties properties, HeifItem item) {
        String configuration = switch (item.type()) {
            case "hvc1" -> "hvcC";
            case "av01" -> "av1C";
            default -> throw HeifDecodingException.unsupported("images of type '" + item.type() + "'");
        };
        return new CodedImage(
                item.type(),
                properties.codecConfiguration(item, configuration),
                container.bytes(item),
                properties.size(item),
                properties.colour(item));
    }
}
