package dev.glimpse.caption;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * transformers' BlipImageProcessor in Java: RGB conversion over white, PIL resize to the configured
 * size, rescale and normalisation, giving {@code pixel_values} in channel-first (CHW) order.
 */
final class BlipImageProcessor {

    private final ImageProcessorConfig config;

    BlipImageProcessor(ImageProcessorConfig config) {
        this.config = config;
    }

    static BlipImageProcessor load(Path modelDir) {
        return new BlipImageProcessor(ImageProcessorConfig.read(modelDir.resolve("preprocessor_config.json")));
    }

    int width() {
        return config.width();
    }

    int height() {
        return config.height();
    }

    /** Returns {@code float[3 * height * width]} in CHW order. */
    float[] process(BufferedImage image) {
        RgbPlanes rgb = RgbPlanes.of(image);
        if (config.doResize()) {
            rgb = PilResampler.resize(
                    rgb, config.width(), config.height(), PilResampler.Filter.ofCode(config.resample()));
        }
        if (rgb.width() != config.width() || rgb.height() != config.height()) {
            throw new IllegalArgumentException("Image is " + rgb.width() + "x" + rgb.height() + " but the model needs "
                    + config.width() + "x" + config.height() + " and do_resize is off");
        }
        return toPixelValues(rgb);
    }

    private float[] toPixelValues(RgbPlanes rgb) {
        int area = rgb.width() * rgb.height();
        float[] values = new float[3 * area];
        for (int c = 0; c < 3; c++) {
            int[] plane = rgb.planes()[c];
            for (int i = 0; i < area; i++) {
                values[c * area + i] = toPixelValue(plane[i], c);
            }
        }
        return values;
    }

    /** As transformers: rescale in double then float32, normalise in float32. */
    private float toPixelValue(int value, int channel) {
        float pixel = config.doRescale() ? (float) (value * config.rescaleFactor()) : value;
        return config.doNormalize() ? (pixel - config.mean()[channel]) / config.std()[channel] : pixel;
    }
}
