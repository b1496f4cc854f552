package dev.glimpse.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which adjective goes with which noun: "a brown dog on a white rug" binds brown to dog and white to rug, so a
 * caption that says "a white dog on a brown rug" shares every word yet not one pair. The pairs of a text are each
 * attribute word (colour, size, age, material, texture) with the next word that is not another attribute or a small
 * word ("a red and white shirt" gives red–shirt and white–shirt). Synonyms are brought together on both sides (big
 * and large, couch and sofa). A caption's binding with the query is the share of the query's pairs it has, less the
 * share it contradicts (the same noun with another attribute of the same kind and not the query's): -1..1.
 */
final class AttributePairs {

    record Pair(String attribute, String noun) {}

    private static final Map<String, String> KINDS = kinds();
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("big", "large"),
            Map.entry("huge", "large"),
            Map.entry("little", "small"),
            Map.entry("tiny", "small"),
            Map.entry("gray", "grey"),
            Map.entry("blond", "blonde"),
            Map.entry("couch", "sofa"),
            Map.entry("rug", "carpet"),
            Map.entry("mug", "cup"),
            Map.entry("bike", "bicycle"),
            Map.entry("lady", "woman"),
            Map.entry("guy", "man"),
            Map.entry("kid", "child"),
            Map.entry("jumper", "sweater"),
            Map.entry("frosting", "icing"),
            Map.entry("lab", "dog"),
            Map.entry("puppy", "dog"),
            Map.entry("kitten", "cat"),
            Map.entry("goldfish", "fish"),
            Map.entry("teddy", "bear"),
            Map.entry("pillow", "cushion"),
            Map.entry("pot", "vase"));
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "very", "bright", "light", "dark");
    private static final Set<String> BREAKS =
            Set.of("of", "with", "on", "in", "at", "next", "to", "by", "for", "from", "under", "over", "is", "are");
    private static final int REACH = 3;

    private final List<Pair> query;

    AttributePairs(String query) {
        this.query = of(query);
    }

    /** Whether the query binds any attribute to a noun. */
    boolean any() {
        return !query.isEmpty();
    }

    List<Pair> pairs() {
        return query;
    }

    /** How far the caption binds the query's attributes as the query does: -1..1, 0 without query pairs. */
    double binding(String caption) {
        if (query.isEmpty()) {
            return 0;
        }
        List<Pair> captionPairs = of(caption);
        double score = 0;
        for (Pair pair : query) {
            if (captionPairs.contains(pair)) {
                score += 1;
            } else if (contradicted(pair, captionPairs)) {
                score -= 1;
            }
        }
        return score / query.size();
    }

    private static boolean contradicted(Pair pair, List<Pair> captionPairs) {
        String kind = KINDS.get(pair.attribute());
        return captionPairs.stream()
                .anyMatch(other -> other.noun().equals(pair.noun()) && kind.equals(KINDS.get(other.attribute())));
    }

    static List<Pair> of(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String attribute = normal(words[i]);
            if (!KINDS.containsKey(attribute)) {
                continue;
            }
            for (int j = i + 1; j < words.length && j <= i + REACH; j++) {
                String word = normal(words[j]);
                if (BREAKS.contains(word)) {
                    break;
                }
                if (!KINDS.containsKey(word) && !SMALL_WORDS.contains(word)) {
                    pairs.add(new Pair(attribute, noun(word)));
                    break;
                }
            }
        }
        return pairs;
    }

    private static String normal(String word) {
        return SYNONYMS.getOrDefault(word, word);
    }

    /** A noun without its plural s ("dogs" → "dog"), then its synonym. */
    private static String noun(String word) {
        String single = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                ? word.substring(0, word.length() - 1)
                : word;
        return normal(single);
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new java.util.HashMap<>();
        for (String colour : List.of(
                "red",
                "blue",
                "green",
                "yellow",
                "orange",
                "purple",
                "pink",
                "brown",
                "black",
                "white",
                "grey",
                "silver",
                "golden",
                "gold",
                "blonde",
                "ginger",
                "beige",
                "turquoise")) {
            kinds.put(colour, "colour");
        }
        for (String size : List.of("large", "small", "tall", "short", "long")) {
            kinds.put(size, "size");
        }
        for (String age : List.of("old", "young", "new")) {
            kinds.put(age, "age");
        }
        for (String material : List.of("wooden", "glass", "metal", "stone", "leather", "plastic", "wool")) {
            kinds.put(material, "material");
        }
        for (String texture : List.of("striped", "spotted", "plain", "empty", "full", "wet", "dry")) {
            kinds.put(texture, "state");
        }
        return Map.copyOf(kinds);
    }
}
