package dev.glimpse.imaging.heif;

import static dev.glimpse.imaging.heif.Boxes.u16;
import static dev.glimpse.imaging.heif.Boxes.u32;
import static dev.glimpse.imaging.heif.Boxes.u8;

import dev.glimpse.imaging.heif.Boxes.Box;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What Glimpse reads from an item's properties: size, codec configuration, colour, auxiliary type, transforms. */
final class ItemProperties {

    /** The spatial extent ({@code ispe}) of an image item, before any transformation. */
    record Size(int width, int height) {}

    /** nclx colour: H.273 matrix coefficients and whether samples use the full range. */
    record Colour(int matrix, boolean fullRange) {}

    /** A transformation in the order the file lists it: {@code irot} (quarter turns anticlockwise) or {@code imir}. */
    record Transform(boolean mirror, int value) {}

    private final HeifContainer container;

    ItemProperties(HeifContainer container) {
        this.container = container;
    }

    Size size(HeifItem item) {
        Box ispe = container
                .property(item, "ispe")
                .orElseThrow(() -> HeifDecodingException.damaged("an image has no size"));
        long width = u32(container.data(), ispe.start() + 4);
        long height = u32(container.data(), ispe.start() + 8);
        if (width < 1 || height < 1 || width > HeifDecoder.MAX_SIDE || height > HeifDecoder.MAX_SIDE) {
            throw HeifDecodingException.damaged("an image is " + width + " × " + height + " pixels");
        }
        return new Size((int) width, (int) height);
    }

    /** The decoder configuration record ({@code hvcC} or {@code av1C} content) of a coded image. */
    byte[] codecConfiguration(HeifItem item, String type) {
        Box box = container
                .property(item, type)
                .orElseThrow(() -> HeifDecodingException.damaged("an image has no decoder configuration"));
        return Arrays.copyOfRange(container.data(), box.start(), box.end());
    }

    Optional<Colour> colour(HeifItem item) {
        byte[] data = container.data();
        return container.propertiesOf(item).stream()
                .filter(box -> box.type().equals("colr") && box.size() >= 11)
                .filter(box -> Boxes.fourCc(data, box.start()).equals("nclx"))
                .findFirst()
                .map(box -> new Colour(u16(data, box.start() + 8), (u8(data, box.start() + 10) & 0x80) != 0));
    }

    /** The auxiliary type ({@code auxC}) of an auxiliary image, such as an alpha plane; empty when none. */
    String auxiliaryType(HeifItem item) {
        return container
                .property(item, "auxC")
                .map(box -> Boxes.cString(container.data(), box.start() + 4, box.end()))
                .orElse("");
    }

    List<Transform> transforms(HeifItem item) {
        byte[] data = container.data();
        return container.propertiesOf(item).stream()
                .filter(box -> box.type().equals("irot") || box.type().equals("imir"))
                .map(box -> box.type().equals("imir")
                        ? new Transform(true, u8(data, box.start()) & 1)
                        : new Transform(false, u8(data, box.start()) & 3))
                .toList();
    }
}
