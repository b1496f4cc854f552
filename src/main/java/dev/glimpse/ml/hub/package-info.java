/**
 * The model store: resolves a Hugging Face repository id and revision ({@link dev.glimpse.ml.hub.ModelRef}) to
 * a complete local folder under {@code models/}, downloading missing files from a configurable hub with resume,
 * size and sha256 verification and atomic renames, or failing fast in offline mode with a message saying which
 * file is missing and how to pre-fetch it ({@link dev.glimpse.ml.hub.ModelPrefetch}). Spring-free.
 */
@NamedInterface("hub")
@NullMarked
package dev.glimpse.ml.hub;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
