package dev.glimpse.imaging;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/**
 * The first frame of an animated GIF or WebP as a viewer shows it: drawn at its offset on the animation's canvas
 * (a transparent background), since a frame may cover only part of it. Still images pass through.
 */
final class FirstFrame {

    private FirstFrame() {}

    /** The canvas of an animation (GIF logical screen, WebP {@code VP8X} canvas), from the header alone. */
    static Optional<FormatDecoder.Size> canvas(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case GIF -> gifScreen(bytes);
            case WEBP -> WebpFrames.canvas(bytes);
            default -> Optional.empty();
        };
    }

    static BufferedImage composed(ImageFormat format, byte[] bytes, ImageReader reader, BufferedImage frame, int step)
            throws IOException {
        Optional<FormatDecoder.Size> canvas = canvas(format, bytes);
        if (canvas.isEmpty()) {
            return frame;
        }
        int[] offset = switch (format) {
            case GIF -> gifOffset(reader.getImageMetadata(0));
            case WEBP -> WebpFrames.firstFrameOffset(bytes);
            default -> new int[] {0, 0};
        };
        int width = ceilDiv(canvas.get().width(), step);
        int height = ceilDiv(canvas.get().height(), step);
        if (width == frame.getWidth() && height == frame.getHeight() && offset[0] == 0 && offset[1] == 0) {
            return frame;
        }
        BufferedImage composed = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = composed.createGraphics();
        try {
            g.drawImage(frame, offset[0] / step, offset[1] / step, null);
        } finally {
            g.dispose();
        }
        return composed;
    }

    private static Optional<FormatDecoder.Size> gifScreen(byte[] gif) {
        if (gif.length < 10) {
            throw new ImageRefusedException("is a damaged GIF file");
        }
        int width = (gif[6] & 0xFF) | (gif[7] & 0xFF) << 8;
        int height = (gif[8] & 0xFF) | (gif[9] & 0xFF) << 8;
        return Optional.of(new FormatDecoder.Size(Math.max(width, 1), Math.max(height, 1)));
    }

    private static int[] gifOffset(IIOMetadata metadata) {
        Node root = metadata.getAsTree("javax_imageio_gif_image_1.0");
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals("ImageDescriptor")) {
                return new int[] {attribute(child, "imageLeftPosition"), attribute(child, "imageTopPosition")};
            }
        }
        return new int[] {0, 0};
    }

    private static int attribute(Node node, String name) {
        Node value = node.getAttributes().getNamedItem(name);
        return value == null ? 0 : Integer.parseInt(value.getNodeValue());
    }

    private static int ceilDiv(int value, int step) {
        return (value + step - 1) / step;
    }
}
