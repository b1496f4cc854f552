package dev.glimpse.imaging;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

/** EXIF orientation (1–8) of an image, and turning decoded pixels upright as a viewer would show them. */
public final class Orientation {

    static final int NORMAL = 1;

    private Orientation() {}

    /** The EXIF orientation of a JPEG, PNG ({@code eXIf}) or WebP ({@code EXIF}); 1 when it has none. */
    public static int of(ImageFormat format, byte[] bytes) {
        try {
            return ExifData.of(format, bytes)
                    .map(exif -> {
                        try {
                            TiffField field = exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
                            return field == null ? NORMAL : field.getIntValue();
                        } catch (ImagingException e) {
                            return NORMAL;
                        }
                    })
                    .filter(value -> value >= 1 && value <= 8)
                    .orElse(NORMAL);
        } catch (RuntimeException e) {
            return NORMAL;
        }
    }

    public static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
            case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
            case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
            case 7 -> t.setTransform(0, -1, -1, 0, h, w);
            case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
            default -> {
                return image;
            }
        }
        boolean swaps = orientation >= 5;
        BufferedImage target = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR)
                .filter(Thumbnails.opaque(image), target);
    }
}
