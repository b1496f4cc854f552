package dev.glimpse.imaging.heif;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A picture browsers can show in place of a HEIC/AVIF original: a baseline JPEG of the image as shown (already
 * upright, so it carries no orientation or any other metadata), transparent parts on white, its longest side at
 * most the requested size.
 */
public final class DisplayRendition {

    public static final float QUALITY = 0.9f;

    private DisplayRendition() {}

    /** Decodes {@code file} and encodes it as a JPEG; throws {@link HeifDecodingException} for a bad file. */
    public static byte[] jpeg(byte[] file, int maxSide) {
        return jpeg(HeifDecoder.decode(file, maxSide).pixels());
    }

    public static byte[] jpeg(BufferedImage picture) {
        BufferedImage opaque = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = opaque.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, picture.getWidth(), picture.getHeight());
            graphics.drawImage(picture, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(opaque, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a JPEG in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
