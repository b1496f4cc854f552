package dev.glimpse.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Grey pictures with alpha (or 16 bits) as RGB with their samples unchanged. Java's PNG decoder gives them a linear
 * grey colour space, so drawing them on RGB applies a gamma curve the file never had (grey 147 became 203); a PNG's
 * grey samples are meant as they are, like the RGB ones. Plain 8-bit grey draws correctly and is left alone.
 */
final class GraySamples {

    private GraySamples() {}

    static BufferedImage asRgb(BufferedImage image) {
        if (image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_GRAY
                || image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        Raster raster = image.getRaster();
        boolean alpha = image.getColorModel().hasAlpha() && raster.getNumBands() > 1;
        int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        int alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
        BufferedImage rgb = new BufferedImage(
                image.getWidth(), image.getHeight(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int gray = Math.round(raster.getSample(x, y, 0) * 255f / max);
                int a = alpha ? Math.round(raster.getSample(x, y, 1) * 255f / alphaMax) : 255;
                rgb.setRGB(x, y, a << 24 | gray << 16 | gray << 8 | gray);
            }
        }
        return rgb;
    }
}
