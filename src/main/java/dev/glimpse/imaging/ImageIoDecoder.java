package dev.glimpse.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG, PNG, WebP and GIF through ImageIO (TwelveMonkeys for JPEG and WebP): the size from the header, pixels
 * subsampled while decoding ({@link ImageReadParam#setSourceSubsampling}) so a 100-megapixel photo never lies whole
 * on the heap, the first frame of an animation composed on its canvas ({@link FirstFrame}) and grey samples kept as
 * they are ({@link GraySamples}). A decoder warning about colour profiles (a CMYK JPEG without one) is not damage;
 * any other warning (data that ends early) is, and its text goes to the log, never to the person.
 */
public final class ImageIoDecoder implements FormatDecoder {

    private static final Logger log = LoggerFactory.getLogger(ImageIoDecoder.class);

    /** Warnings about colour handling, which the decoder resolves itself: the pixels are complete. */
    private static final Pattern COLOUR_WARNING =
            Pattern.compile("(?i).*(icc|colou?r profile|adobe app14|colors may look).*", Pattern.DOTALL);

    @Override
    public Set<ImageFormat> formats() {
        return Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.GIF);
    }

    @Override
    public Size size(ImageFormat format, byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format, input);
            try {
                reader.setInput(input, true, true);
                Size frame = new Size(reader.getWidth(0), reader.getHeight(0));
                return FirstFrame.canvas(format, bytes)
                        .map(canvas -> larger(canvas, frame))
                        .orElse(frame);
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public BufferedImage decode(ImageFormat format, byte[] bytes, int maxSide) throws IOException {
        Size size = size(format, bytes);
        int step = Math.max(1, Math.max(size.width(), size.height()) / maxSide);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(format, input);
            try {
                reader.setInput(input, true, format != ImageFormat.GIF);
                Warnings warnings = new Warnings();
                reader.addIIOReadWarningListener(warnings);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage frame = reader.read(0, param);
                if (warnings.damage != null) {
                    log.info("{} decoder reported damage: {}", format.label(), warnings.damage);
                    throw new ImageRefusedException("is damaged or incomplete and cannot be read as " + format.label());
                }
                return FirstFrame.composed(format, bytes, reader, GraySamples.asRgb(frame), step);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Size larger(Size a, Size b) {
        return new Size(Math.max(a.width(), b.width()), Math.max(a.height(), b.height()));
    }

    private static ImageReader readerFor(ImageFormat format, @Nullable ImageInputStream input) {
        if (input == null) {
            throw new ImageRefusedException("cannot be read");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image decoder for " + format);
        }
        return readers.next();
    }

    /** Keeps the first warning that means damage; colour-profile notes are logged only. */
    private static final class Warnings implements IIOReadWarningListener {
        private @Nullable String damage;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (COLOUR_WARNING.matcher(warning).matches()) {
                log.debug("Decoder note: {}", warning);
            } else if (damage == null) {
                damage = warning;
            }
        }
    }
}
