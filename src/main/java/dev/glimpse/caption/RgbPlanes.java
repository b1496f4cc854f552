package dev.glimpse.caption;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * An 8-bit RGB image as three planes (row-major, one unsigned byte per sample), converted from any
 * {@link BufferedImage} as transformers' {@code convert_to_rgb} does with PIL's {@code
 * image.convert("RGB")}: an alpha channel is dropped (not composited), palette images take their
 * palette colours, and grey images are replicated into the three channels without gamma conversion.
 */
record RgbPlanes(int width, int height, byte[][] planes) {

    static RgbPlanes of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[][] planes = new byte[3][width * height];
        if (isComponentGrey(image)) {
            fillFromGrey(image, planes);
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    planes[0][i] = (byte) (row[x] >> 16);
                    planes[1][i] = (byte) (row[x] >> 8);
                    planes[2][i] = (byte) row[x];
                }
            }
        }
        return new RgbPlanes(width, height, planes);
    }

    /** The sample at {@code index} of channel {@code channel}, 0..255. */
    int sample(int channel, int index) {
        return planes[channel][index] & 0xff;
    }

    /** Java2D treats grey as linear light and would gamma-encode it in getRGB; PIL does not. */
    private static boolean isComponentGrey(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static void fillFromGrey(BufferedImage image, byte[][] planes) {
        Raster raster = image.getRaster();
        int toEightBits = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                byte grey = (byte) (row[x] >> toEightBits);
                int index = y * width + x;
                planes[0][index] = grey;
                planes[1][index] = grey;
                planes[2][index] = grey;
            }
        }
    }
}
