package dev.glimpse.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/** Generates blob keys and recognises them: {@code ab/abcdef12-....}, never derived from user input. */
final class BlobKeys {

    private static final Pattern KEY =
            Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private BlobKeys() {}

    static String newKey() {
        String id = UUID.randomUUID().toString();
        return id.substring(0, 2) + "/" + id;
    }

    static String requireValid(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return key;
    }
}
