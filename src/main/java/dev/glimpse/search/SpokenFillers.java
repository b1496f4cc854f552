package dev.glimpse.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Removes what people say around what they look for — hesitations ("um", "uh"), framing ("show me the one where",
 * "I'm looking for", "that picture of", "you know the one with") and hedges ("I think it was", "basically") — so
 * that it is not embedded: "I'm looking for that picture of…" otherwise pulls towards "looking at the camera". A
 * phrase is removed only as whole words. "photos" or "pictures" first in what remains are framing too.
 */
final class SpokenFillers {

    /** The removed phrases, in order, and the words left. */
    record Result(List<String> words, List<String> removed) {}

    private static final List<List<String>> PHRASES = phrases(
            "show me the one where",
            "show me the one with",
            "show me the one of",
            "show me the picture of",
            "show me the photo of",
            "show me a picture of",
            "show me a photo of",
            "show me",
            "you know the one where",
            "you know the one with",
            "you know the one of",
            "you know",
            "the one where",
            "the one with",
            "the one of",
            "that one of",
            "one of",
            "i'm looking for",
            "im looking for",
            "i am looking for",
            "i was looking for",
            "looking for",
            "can you find",
            "could you find",
            "find me",
            "where is",
            "where's",
            "that picture of",
            "that photo of",
            "the picture of",
            "the photo of",
            "a picture of",
            "a photo of",
            "the pictures of",
            "the photos of",
            "pictures of",
            "photos of",
            "picture of",
            "photo of",
            "i think it was",
            "i think it's",
            "i think",
            "i guess",
            "i believe",
            "i mean",
            "it was",
            "it's",
            "kind of",
            "sort of",
            "basically",
            "actually",
            "please",
            "so",
            "um",
            "umm",
            "uh",
            "uhm",
            "er",
            "erm",
            "hmm",
            "hm",
            "ah",
            "oh",
            "well");

    private static final List<String> LEADING = List.of("photos", "pictures", "pics", "images", "photo", "picture");

    private SpokenFillers() {}

    static Result remove(List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        List<String> removed = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            List<String> phrase = phraseAt(words, i);
            if (phrase == null) {
                kept.add(words.get(i++));
            } else {
                removed.add(String.join(" ", phrase));
                i += phrase.size();
            }
        }
        if (kept.size() > 1 && LEADING.contains(kept.getFirst())) {
            removed.add(kept.removeFirst());
        }
        return new Result(kept, removed);
    }

    private static @Nullable List<String> phraseAt(List<String> words, int start) {
        for (List<String> phrase : PHRASES) {
            if (start + phrase.size() <= words.size()
                    && words.subList(start, start + phrase.size()).equals(phrase)) {
                return phrase;
            }
        }
        return null;
    }

    private static List<List<String>> phrases(String... phrases) {
        List<List<String>> split = new ArrayList<>();
        for (String phrase : phrases) {
            split.add(List.of(phrase.split(" ")));
        }
        split.sort(
                Comparator.comparingInt((List<String> phrase) -> phrase.size()).reversed());
        return List.copyOf(split);
    }
}
