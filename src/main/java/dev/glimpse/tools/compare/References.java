package dev.glimpse.tools.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reference captions by image file name, read from a COCO captions JSON file ({@code images[].id/file_name} and
 * {@code annotations[].image_id/caption}) or from a CSV file of {@code file_name,caption} rows (one or more rows
 * per image; an optional header row {@code file_name,caption}; fields may be double-quoted with {@code ""} for a
 * quote). File names are matched without their folders.
 */
final class References {

    private References() {}

    static Map<String, List<String>> read(Path file) {
        try {
            String text = Files.readString(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? coco(text) : csv(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read references " + file, e);
        }
    }

    static Map<String, List<String>> coco(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        Map<Long, String> names = new HashMap<>();
        for (JsonElement image : root.getAsJsonArray("images")) {
            JsonObject object = image.getAsJsonObject();
            names.put(
                    object.get("id").getAsLong(),
                    baseName(object.get("file_name").getAsString()));
        }
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (JsonElement annotation : root.getAsJsonArray("annotations")) {
            JsonObject object = annotation.getAsJsonObject();
            String name = names.get(object.get("image_id").getAsLong());
            if (name == null) {
                throw new IllegalArgumentException("Annotation for unknown image_id " + object.get("image_id"));
            }
            references
                    .computeIfAbsent(name, key -> new ArrayList<>())
                    .add(object.get("caption").getAsString().strip());
        }
        return references;
    }

    static Map<String, List<String>> csv(String text) {
        Map<String, List<String>> references = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() != 2) {
                throw new IllegalArgumentException(
                        "Line " + lineNumber + " of the references has " + fields.size() + " fields, not 2: " + line);
            }
            if (lineNumber == 1 && fields.get(0).equalsIgnoreCase("file_name")) {
                continue;
            }
            references
                    .computeIfAbsent(baseName(fields.get(0)), key -> new ArrayList<>())
                    .add(fields.get(1).strip());
        }
        return references;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String baseName(String name) {
        String normalized = name.strip().replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }
}
