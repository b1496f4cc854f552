package dev.glimpse.library;

/** A stored blob with the content type and entity tag it is served with. */
public record StoredBytes(byte[] bytes, String contentType, String etag) {}
