package dev.glimpse.imaging.heif;

import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import dev.glimpse.imaging.heif.ItemProperties.Colour;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts a decoded frame into packed 8-bit pixels with swscale: colour as BGRA bytes (an {@code int} ARGB pixel in
 * little-endian order) using the file's nclx matrix and range (else the bitstream's), or one gray byte per pixel for
 * an alpha plane (its samples as coded). Scaling uses area averaging when shrinking.
 */
final class FrameConverter {

    enum Output {
        BGRA(avutil.AV_PIX_FMT_BGRA, 4),
        GRAY(avutil.AV_PIX_FMT_GRAY8, 1);

        final int pixelFormat;
        final int bytesPerPixel;

        Output(int pixelFormat, int bytesPerPixel) {
            this.pixelFormat = pixelFormat;
            this.bytesPerPixel = bytesPerPixel;
        }
    }

    private FrameConverter() {}

    /** The frame's top-left {@code image.size()} pixels (the rest is coding padding), scaled to width × height. */
    static byte[] convert(AVFrame frame, CodedImage image, int width, int height, Output output) {
        int sourceWidth = image.size().width();
        int sourceHeight = image.size().height();
        boolean shrinking = width < sourceWidth || height < sourceHeight;
        int flags = (shrinking ? SWS_AREA : SWS_BICUBIC) | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
        SwsContext sws = sws_getContext(
                sourceWidth,
                sourceHeight,
                frame.format(),
                width,
                height,
                output.pixelFormat,
                flags,
                null,
                null,
                (DoublePointer) null);
        if (sws == null) {
            throw HeifDecodingException.unsupported("pixels of format " + frame.format());
        }
        int length = Math.multiplyExact(Math.multiplyExact(width, height), output.bytesPerPixel);
        try (BytePointer target = new BytePointer(length);
                PointerPointer<BytePointer> planes = new PointerPointer<>(4);
                IntPointer strides = new IntPointer(4)) {
            setColour(sws, frame, image, output);
            planes.put(0, target);
            strides.put(0, width * output.bytesPerPixel);
            int rows = sws_scale(sws, frame.data(), frame.linesize(), 0, sourceHeight, planes, strides);
            if (rows != height) {
                throw HeifDecodingException.damaged("an image's pixels cannot be converted");
            }
            byte[] pixels = new byte[length];
            target.get(pixels);
            return pixels;
        } finally {
            sws_freeContext(sws);
        }
    }

    private static void setColour(SwsContext sws, AVFrame frame, CodedImage image, Output output) {
        Colour colour = image.colour()
                .orElseGet(() -> new Colour(frame.colorspace(), frame.color_range() == avutil.AVCOL_RANGE_JPEG));
        boolean sourceFull = output == Output.GRAY || colour.fullRange();
        IntPointer defaults = sws_getCoefficients(SWS_CS_DEFAULT);
        sws_setColorspaceDetails(
                sws, sws_getCoefficients(colour.matrix()), sourceFull ? 1 : 0, defaults, 1, 0, 1 << 16, 1 << 16);
    }
}
