package dev.glimpse.imaging.heif;

import dev.glimpse.imaging.heif.FrameConverter.Output;
import dev.glimpse.imaging.heif.ItemProperties.Size;
import dev.glimpse.imaging.heif.ItemProperties.Transform;
import dev.glimpse.imaging.heif.Transforms.Pixels;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads HEIC/HEIF and AVIF pictures: {@link #probe} reads the structure only (size as shown, alpha, Exif), for
 * refusals before any pixel is decoded; {@link #decode} decodes the primary image through FFmpeg — a single coded
 * image or a grid of tiles (as iPhones write), cropped to its output size, with its alpha plane, rotated and
 * mirrored as the file says and scaled down to a longest side. Every failure is a {@link HeifDecodingException}.
 * Stateless and safe to share between threads; each decode uses one thread.
 */
public final class HeifDecoder {

    /** The largest width or height accepted for an image, a grid or a tile (the format allows 65535 in a grid). */
    public static final int MAX_SIDE = 65_535;

    private static final Set<String> ALPHA_TYPES =
            Set.of("urn:mpeg:hevc:2015:auxid:1", "urn:mpeg:mpegB:cicp:systems:auxiliary:alpha");

    private HeifDecoder() {}

    /** Whether a file starting with {@code header} is a HEIC, AVIF or other HEIF image (by its brands). */
    public static boolean isHeif(byte[] header) {
        return HeifFormat.of(header).isPresent();
    }

    public static HeifInfo probe(byte[] file) {
        HeifFormat format = formatOf(file);
        return guarded(() -> {
            HeifContainer container = HeifContainer.read(file);
            PictureAssembler assembler = new PictureAssembler(container);
            HeifItem primary = container.primary();
            Size size = shownSize(assembler, primary);
            boolean alpha = alphaOf(container, assembler.properties()).isPresent();
            return new HeifInfo(format, size.width(), size.height(), alpha, HeifExif.tiff(container));
        });
    }

    public static DecodedHeif decode(Path file, int maxSide) throws IOException {
        return decode(Files.readAllBytes(file), maxSide);
    }

    /** The primary image as shown, its longest side at most {@code maxSide} pixels. */
    public static DecodedHeif decode(byte[] file, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
        }
        formatOf(file);
        return guarded(() -> decodePrimary(HeifContainer.read(file), maxSide));
    }

    private static DecodedHeif decodePrimary(HeifContainer container, int maxSide) {
        PictureAssembler assembler = new PictureAssembler(container);
        HeifItem primary = container.primary();
        Size size = assembler.size(primary);
        double scale = Math.min(1.0, (double) maxSide / Math.max(size.width(), size.height()));
        int width = Math.max(1, (int) Math.round(size.width() * scale));
        int height = Math.max(1, (int) Math.round(size.height() * scale));
        int[] argb = argb(assembler.pixels(primary, width, height, Output.BGRA));
        Optional<HeifItem> alpha = alphaOf(container, assembler.properties());
        if (alpha.isPresent()) {
            byte[] plane = assembler.pixels(alpha.get(), width, height, Output.GRAY);
            for (int i = 0; i < argb.length; i++) {
                argb[i] = (argb[i] & 0xFFFFFF) | (plane[i] << 24);
            }
        }
        List<Transform> transforms = assembler.properties().transforms(primary);
        Pixels shown = Transforms.apply(new Pixels(argb, width, height), transforms);
        Size full = shownSize(assembler, primary);
        return new DecodedHeif(image(shown, alpha.isPresent()), full.width(), full.height(), HeifExif.tiff(container));
    }

    private static Size shownSize(PictureAssembler assembler, HeifItem primary) {
        Size size = assembler.size(primary);
        return Transforms.swapsSides(assembler.properties().transforms(primary))
                ? new Size(size.height(), size.width())
                : size;
    }

    /** The primary image's alpha plane: an auxiliary image ({@code auxl}) of an alpha type. */
    private static Optional<HeifItem> alphaOf(HeifContainer container, ItemProperties properties) {
        return container.referring(container.primary(), "auxl").stream()
                .filter(item -> ALPHA_TYPES.contains(properties.auxiliaryType(item)))
                .findFirst();
    }

    private static int[] argb(byte[] bgra) {
        int[] argb = new int[bgra.length / 4];
        ByteBuffer.wrap(bgra).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(argb);
        return argb;
    }

    private static BufferedImage image(Pixels pixels, boolean alpha) {
        BufferedImage image = new BufferedImage(
                pixels.width(), pixels.height(), alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels.argb(), 0, target, 0, target.length);
        return image;
    }

    private static HeifFormat formatOf(byte[] file) {
        return HeifFormat.of(file).orElseThrow(() -> new HeifDecodingException("is not a HEIC or AVIF image"));
    }

    /** Runs a read, turning an unexpected failure on malformed input into a refusal. */
    private static <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (HeifDecodingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HeifDecodingException("is damaged or incomplete", e);
        }
    }
}
