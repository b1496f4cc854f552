package dev.glimpse.serving;

/**
 * Announced when a configured model becomes usable: it loaded, or its files appeared (on disk, or the hub became
 * reachable) after it had been missing, or it was found available at start. Work that failed for want of the model
 * can be tried again.
 *
 * @param role what the model does (caption, embedding, speech)
 * @param model the configured model
 */
public record ModelAvailable(String role, String model) {}
