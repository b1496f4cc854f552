package dev.glimpse.caption;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * transformers' BlipImageProcessor in Java, as its default fast (torchvision) variant computes it:
 * RGB conversion as PIL's {@code convert("RGB")} (alpha dropped), antialiased uint8 resize to the
 * configured size, then rescale and normalisation fused in float32, giving {@code pixel_values} in
 * channel-first (CHW) order. On the reference image the result is bit-identical to transformers'.
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
            rgb = AntialiasedResampler.resize(
                    rgb, config.width(), config.height(), AntialiasedResampler.Filter.ofCode(config.resample()));
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
            for (int i = 0; i < area; i++) {
                values[c * area + i] = toPixelValue(rgb.sample(c, i), c);
            }
        }
        return values;
    }

    /**
     * As transformers' fast (torchvision) processor: rescale and normalisation fused into {@code (x -
     * mean / factor) / (std / factor)} in float32; either step alone when the other is off.
     */
    private float toPixelValue(int value, int channel) {
        if (config.doRescale() && config.doNormalize()) {
            float inverse = (float) (1.0 / config.rescaleFactor());
            return (value - config.mean()[channel] * inverse) / (config.std()[channel] * inverse);
        }
        if (config.doRescale()) {
            return (float) (value * config.rescaleFactor());
        }
        return config.doNormalize() ? (value - config.mean()[channel]) / config.std()[channel] : value;
    }
}
