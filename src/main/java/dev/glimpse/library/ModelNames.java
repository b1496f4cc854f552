package dev.glimpse.library;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A model as people know it: a hub id ({@code owner/name}, with its {@code @revision}) is shown as it is; a local
 * folder by its name only, so that pages and the API never show a path on the server.
 */
final class ModelNames {

    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.-]+(@[\\w.-]+)?");

    private ModelNames() {}

    static @Nullable String display(@Nullable String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        String trimmed = model.strip();
        if (HUB_ID.matcher(trimmed).matches()) {
            return trimmed;
        }
        String withoutTrailing = trimmed.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(withoutTrailing.lastIndexOf('/'), withoutTrailing.lastIndexOf('\\'));
        return withoutTrailing.substring(cut + 1);
    }
}
