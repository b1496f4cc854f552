package dev.glimpse.caption;

import com.google.gson.JsonArray;
import dev.glimpse.ml.ConfigJson;
import java.nio.file.Path;

/**
 * The settings of a Hugging Face {@code preprocessor_config.json} that BlipImageProcessor uses, with
 * the processor's defaults for absent keys.
 */
record ImageProcessorConfig(
        boolean doConvertRgb,
        boolean doResize,
        int width,
        int height,
        int resample,
        boolean doRescale,
        double rescaleFactor,
        boolean doNormalize,
        float[] mean,
        float[] std) {

    private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};
    private static final int PIL_BICUBIC = 3;

    static ImageProcessorConfig read(Path file) {
        return parse(ConfigJson.read(file));
    }

    static ImageProcessorConfig parse(ConfigJson json) {
        ConfigJson size = json.section("size");
        return new ImageProcessorConfig(
                json.booleanOr("do_convert_rgb", true),
                json.booleanOr("do_resize", true),
                size.intOr("width", 384),
                size.intOr("height", 384),
                json.intOr("resample", PIL_BICUBIC),
                json.booleanOr("do_rescale", true),
                json.doubleOr("rescale_factor", 1 / 255.0),
                json.booleanOr("do_normalize", true),
                triple(json, "image_mean", CLIP_MEAN),
                triple(json, "image_std", CLIP_STD));
    }

    private static float[] triple(ConfigJson json, String key, float[] fallback) {
        if (!json.has(key)) {
            return fallback.clone();
        }
        JsonArray values = json.require(key).getAsJsonArray();
        if (values.size() != 3) {
            throw new IllegalArgumentException(key + " must have 3 values, found " + values.size());
        }
        float[] result = new float[3];
        for (int i = 0; i < 3; i++) {
            result[i] = (float) values.get(i).getAsDouble(); // as numpy: decimal -> double -> float
        }
        return result;
    }
}
