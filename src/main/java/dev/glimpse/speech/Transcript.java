package dev.glimpse.speech;

/**
 * What was said: the text (special tokens left out, surrounding spaces trimmed), the language code it was
 * decoded as (configured, requested or detected) and the length in seconds of the audio transcribed (after any
 * cut at the maximum duration).
 */
public record Transcript(String text, String language, double seconds) {}
