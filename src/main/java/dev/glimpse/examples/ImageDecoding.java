package dev.glimpse.examples;

import dev.glimpse.imaging.ImageInspector;
import dev.glimpse.imaging.ImageLimits;
import dev.glimpse.imaging.ImageRefusedException;
import dev.glimpse.imaging.InspectedImage;
import java.awt.image.BufferedImage;

/**
 * Decodes example bytes with the same inspection and limits as an upload ({@link ImageInspector}): an example the
 * library would refuse is never shown, and a tiny file cannot claim huge pixels.
 */
final class ImageDecoding {

    private final ImageInspector inspector;

    ImageDecoding(ImageLimits limits) {
        this.inspector = new ImageInspector(limits);
    }

    /** The decoded image with its format (jpeg, png, webp, gif); throws {@link ExampleUnavailableException} otherwise. */
    Decoded decode(byte[] bytes) {
        try {
            InspectedImage inspected = inspector.inspect(bytes);
            return new Decoded(inspected.pixels(), inspected.format().imageIoName());
        } catch (ImageRefusedException e) {
            throw new ExampleUnavailableException(
                    "content is not an image Glimpse accepts: the file " + e.getMessage());
        }
    }

    record Decoded(BufferedImage image, String format) {}
}
