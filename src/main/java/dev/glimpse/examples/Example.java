package dev.glimpse.examples;

import dev.glimpse.library.ImageSummary;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** One example image for a gallery tile. */
sealed interface Example {

    /** Where examples come from, in the order they are tried. */
    enum Source {
        REMOTE,
        LIBRARY,
        FOLDER
    }

    Source source();

    /**
     * An image fetched from the remote service or read from the folder: it still needs a caption and can be kept.
     *
     * @param origin the final URL it was downloaded from, or the file it was read from
     * @param pixels the decoded image, for the captioner; null once captioned
     */
    record Fetched(Source source, String origin, byte[] bytes, String format, BufferedImage pixels) implements Example {

        String sha256() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Cache keys: the origin (the final URL for remote images) and the content hash. */
        List<String> cacheKeys() {
            return List.of("origin:" + origin, "sha256:" + sha256());
        }

        /** The name the image gets when kept: short, stable per content, with the decoded format's extension. */
        String fileName() {
            return "example-" + sha256().substring(0, 12) + "." + format;
        }

        /** The same example without its decoded pixels, for tiles that only need the bytes once captioned. */
        Fetched withoutPixels() {
            return new Fetched(source, origin, bytes, format, null);
        }
    }

    /** An image of the user's library that already has its caption. */
    record FromLibrary(ImageSummary image) implements Example {
        @Override
        public Source source() {
            return Source.LIBRARY;
        }
    }
}
