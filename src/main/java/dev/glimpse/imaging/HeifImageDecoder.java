package dev.glimpse.imaging;

import dev.glimpse.imaging.heif.HeifDecoder;
import dev.glimpse.imaging.heif.HeifDecodingException;
import dev.glimpse.imaging.heif.HeifInfo;
import java.awt.image.BufferedImage;
import java.util.Set;

/**
 * HEIC/HEIF and AVIF through {@link HeifDecoder} (FFmpeg, bundled): the size from the container's item properties
 * before any pixel is decoded, pixels already upright (the container's rotation and mirroring are applied while
 * decoding, so the EXIF orientation is not applied again), alpha kept. A decoding failure becomes a refusal whose
 * reason is the decoder's sentence for people.
 */
final class HeifImageDecoder implements FormatDecoder {

    @Override
    public Set<ImageFormat> formats() {
        return Set.of(ImageFormat.HEIF, ImageFormat.AVIF);
    }

    @Override
    public Size size(ImageFormat format, byte[] bytes) {
        HeifInfo info = probe(bytes);
        return new Size(info.width(), info.height());
    }

    @Override
    public BufferedImage decode(ImageFormat format, byte[] bytes, int maxSide) {
        try {
            return HeifDecoder.decode(bytes, maxSide).pixels();
        } catch (HeifDecodingException e) {
            throw new ImageRefusedException(e.getMessage(), e);
        }
    }

    @Override
    public int orientation(ImageFormat format, byte[] bytes) {
        return 1;
    }

    static HeifInfo probe(byte[] bytes) {
        try {
            return HeifDecoder.probe(bytes);
        } catch (HeifDecodingException e) {
            throw new ImageRefusedException(e.getMessage(), e);
        }
    }
}
