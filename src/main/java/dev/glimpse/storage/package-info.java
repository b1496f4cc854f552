/**
 * Object storage for image bytes: a {@link dev.glimpse.storage.BlobStore} takes bytes and gives back a generated key,
 * nothing else. The local-disk store is the default; the Google Cloud Storage store is chosen by configuration. Keys
 * are generated here, never taken from user input, so a file name can never become a path.
 */
@NullMarked
package dev.glimpse.storage;

import org.jspecify.annotations.NullMarked;
