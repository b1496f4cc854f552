package dev.glimpse.ingest;

/** A stored blob with the content type and entity tag it is served with. */
record StoredBytes(byte[] bytes, String contentType, String etag) {}
