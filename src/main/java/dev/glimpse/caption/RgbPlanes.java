package dev.glimpse.caption;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * An 8-bit RGB image as three planes (row-major, values 0..255), converted from any {@link
 * BufferedImage} as transformers' {@code convert_to_rgb} does with PIL's {@code image.convert("RGB")}:
 * an alpha channel is dropped (not composited), palette images take their palette colours, and grey
 * images are replicated into the three channels without any gamma conversion.
 */
record RgbPlanes(int width, int height, int[][] planes) {

    static RgbPlanes of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[][] planes = new int[3][width * height];
        if (isComponentGrey(image)) {
            fillFromGrey(image, planes);
        } else {
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            for (int i = 0; i < argb.length; i++) {
                planes[0][i] = argb[i] >> 16 & 0xff;
                planes[1][i] = argb[i] >> 8 & 0xff;
                planes[2][i] = argb[i] & 0xff;
            }
        }
        return new RgbPlanes(width, height, planes);
    }

    /** Java2D treats grey as linear light and would gamma-encode it in getRGB; PIL does not. */
    private static boolean isComponentGrey(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static void fillFromGrey(BufferedImage image, int[][] planes) {
        Raster raster = image.getRaster();
        int toEightBits = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int grey = raster.getSample(x, y, 0) >> toEightBits;
                int index = y * width + x;
                planes[0][index] = grey;
                planes[1][index] = grey;
                planes[2][index] = grey;
            }
        }
    }
}
