package dev.glimpse.caption;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        try {
            return parse(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static ImageProcessorConfig parse(JsonObject json) {
        JsonObject size = json.has("size") ? json.getAsJsonObject("size") : new JsonObject();
        int height = size.has("height") ? size.get("height").getAsInt() : 384;
        int width = size.has("width") ? size.get("width").getAsInt() : 384;
        return new ImageProcessorConfig(
                flag(json, "do_convert_rgb", true),
                flag(json, "do_resize", true),
                width,
                height,
                json.has("resample") ? json.get("resample").getAsInt() : PIL_BICUBIC,
                flag(json, "do_rescale", true),
                json.has("rescale_factor") ? json.get("rescale_factor").getAsDouble() : 1 / 255.0,
                flag(json, "do_normalize", true),
                triple(json, "image_mean", CLIP_MEAN),
                triple(json, "image_std", CLIP_STD));
    }

    private static boolean flag(JsonObject json, String key, boolean fallback) {
        return json.has(key) ? json.get(key).getAsBoolean() : fallback;
    }

    private static float[] triple(JsonObject json, String key, float[] fallback) {
        if (!json.has(key)) {
            return fallback.clone();
        }
        JsonArray values = json.getAsJsonArray(key);
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
