package dev.glimpse.search;

import java.util.UUID;

/** What the index holds for one captioned image: its caption and the caption's unit-length embedding. */
public record IndexedImage(UUID id, String caption, float[] vector) {}
