package dev.glimpse.imaging;

import dev.glimpse.imaging.heif.DisplayRendition;
import dev.glimpse.imaging.heif.HeifDecodingException;
import java.util.Optional;

/**
 * What a browser is shown for a stored original: the original itself when browsers display its format (JPEG, PNG,
 * WebP, GIF), else a JPEG made from it (HEIC and AVIF, which most browsers cannot show), upright and at most
 * {@link #MAX_SIDE} pixels on its longer side. The original stays what is downloaded.
 */
public final class BrowserRendition {

    /** The longer side of a made rendition: enough for a full-screen viewer. */
    public static final int MAX_SIDE = 2048;

    private BrowserRendition() {}

    /** A JPEG to show in place of the original, or empty when the original can be shown as it is. */
    public static Optional<byte[]> jpegFor(String mimeType, byte[] original) {
        Optional<ImageFormat> format = ImageFormat.ofMimeType(mimeType);
        if (format.isEmpty() || (format.get() != ImageFormat.HEIF && format.get() != ImageFormat.AVIF)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DisplayRendition.jpeg(original, MAX_SIDE));
        } catch (HeifDecodingException e) {
            throw new ImageRefusedException(e.getMessage(), e);
        }
    }
}
