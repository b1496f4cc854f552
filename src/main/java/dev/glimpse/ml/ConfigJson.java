package dev.glimpse.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object of a Hugging Face model folder ({@code config.json}, {@code preprocessor_config.json},
 * {@code generation_config.json}, …) read with one rule for missing keys: a key that transformers gives a default
 * is read with that default when it is absent or {@code null} ({@code intOr}, {@code floatOr}, …); a key it has no
 * default for is required, and its absence is an {@link IllegalArgumentException} naming the file and the key
 * ({@code requireInt}, …). A value of the wrong type is an {@link IllegalArgumentException} naming both too.
 */
public final class ConfigJson {

    private final JsonObject json;
    private final Path file;
    private final String path;

    private ConfigJson(JsonObject json, Path file, String path) {
        this.json = json;
        this.file = file;
        this.path = path;
    }

    /** Reads {@code file}, which must hold a JSON object. */
    public static ConfigJson read(Path file) {
        try {
            return new ConfigJson(
                    JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                            .getAsJsonObject(),
                    file,
                    "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a JSON object: " + file, e);
        }
    }

    /** {@link #read} when the file exists, else empty (every key then takes its default). */
    public static Optional<ConfigJson> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** An object already parsed (for tests and configurations built in code); errors name {@code file}. */
    public static ConfigJson of(JsonObject json, Path file) {
        return new ConfigJson(json, file, "");
    }

    /** The nested object {@code key} (as {@code vision_config}); an empty one when absent, so defaults apply. */
    public ConfigJson section(String key) {
        JsonElement value = value(key);
        JsonObject section = value == null ? new JsonObject() : convert(key, value::getAsJsonObject);
        return new ConfigJson(section, file, path + key + ".");
    }

    /** Whether {@code key} is present and not {@code null}. */
    public boolean has(String key) {
        return value(key) != null;
    }

    public int requireInt(String key) {
        return convert(key, require(key)::getAsInt);
    }

    public String requireString(String key) {
        return convert(key, require(key)::getAsString);
    }

    /** The value of a required key as it is (a number or an array, for example). */
    public JsonElement require(String key) {
        JsonElement value = value(key);
        if (value == null) {
            throw new IllegalArgumentException(file.getFileName() + " lacks \"" + path + key + "\" (" + file + ")");
        }
        return value;
    }

    public int intOr(String key, int fallback) {
        JsonElement value = value(key);
        return value == null ? fallback : convert(key, value::getAsInt);
    }

    /** A float parsed as a double first, then rounded, as numpy and transformers' Python floats do. */
    public float floatOr(String key, float fallback) {
        JsonElement value = value(key);
        return value == null ? fallback : (float) (double) convert(key, value::getAsDouble);
    }

    public double doubleOr(String key, double fallback) {
        JsonElement value = value(key);
        return value == null ? fallback : convert(key, value::getAsDouble);
    }

    public boolean booleanOr(String key, boolean fallback) {
        JsonElement value = value(key);
        return value == null ? fallback : convert(key, value::getAsBoolean);
    }

    public String stringOr(String key, String fallback) {
        JsonElement value = value(key);
        return value == null ? fallback : convert(key, value::getAsString);
    }

    /** An integer or a list of integers as a list; empty when absent (transformers' default for token lists). */
    public List<Integer> intsOr(String key) {
        JsonElement value = value(key);
        List<Integer> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(element -> values.add(convert(key, element::getAsInt)));
        } else {
            values.add(convert(key, value::getAsInt));
        }
        return values;
    }

    /** The file this object was read from. */
    public Path file() {
        return file;
    }

    private JsonElement value(String key) {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? null : value;
    }

    private <T> T convert(String key, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Malformed \"" + path + key + "\" in " + file + ": " + e.getMessage(), e);
        }
    }
}
