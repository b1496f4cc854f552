package dev.glimpse.search;

import dev.glimpse.speech.Transcript;

/** A spoken search: what Whisper heard, and the results of searching for it. */
public record VoiceSearchResult(Transcript transcript, SearchResults results) {}
