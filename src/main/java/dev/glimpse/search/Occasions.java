package dev.glimpse.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Occasions as photos of them show them: a captioner names objects ("a little girl blowing out candles on a cake"),
 * never the occasion ("her birthday"), so the words of an occasion are added to a query that names one. A small
 * reviewed table, first match wins; what it cannot bridge (an occasion with no typical objects, a caption that
 * shows none of them) needs an image-text model.
 */
final class Occasions {

    /** An occasion found: the query's words for it and what its photos show. */
    record Expansion(String occasion, String shows) {
        String label() {
            return occasion + " → " + shows;
        }
    }

    private static final Map<String, String> TABLE = table(
            "birthday", "a cake with candles, balloons and party hats",
            "wedding", "a bride and groom, a white dress, flowers",
            "camping", "a tent and a campfire",
            "graduation", "a cap and gown with a diploma",
            "christmas", "a christmas tree with presents",
            "xmas", "a christmas tree with presents",
            "halloween", "costumes and carved pumpkins",
            "thanksgiving", "a roasted turkey on a dinner table",
            "new year's eve", "fireworks and champagne",
            "new years eve", "fireworks and champagne",
            "easter", "easter eggs and a bunny",
            "hanukkah", "a menorah with candles",
            "bbq", "a grill with sausages and burgers",
            "barbecue", "a grill with sausages and burgers",
            "cookout", "a grill with sausages and burgers",
            "skiing", "skis on a snowy slope",
            "ski", "skis on a snowy slope",
            "first day of school", "a child with a backpack at school",
            "first day at school", "a child with a backpack at school",
            "picnic", "a blanket and a basket on the grass",
            "concert", "a band on a stage and a crowd",
            "gig", "a band on a stage and a crowd",
            "festival", "a crowd on the grass in front of a stage",
            "baby shower", "a pregnant woman with gifts",
            "anniversary", "a couple with champagne and a cake",
            "hike", "hiking on a mountain trail",
            "fishing", "holding a fish",
            "boat trip", "people on a boat",
            "pool party", "people in a swimming pool",
            "marathon", "runners with race numbers",
            "race", "runners with race numbers",
            "baptism", "a baby in a white gown in a church",
            "christening", "a baby in a white gown in a church",
            "road trip", "a car on a highway",
            "football", "a football game",
            "match", "a game in a stadium",
            "night out", "friends at a bar");

    private Occasions() {}

    /** Whether a word is (part of) an occasion's name; such words are not spelling mistakes. */
    static boolean names(String word) {
        return TABLE.keySet().stream().anyMatch(name -> List.of(name.split(" ")).contains(word));
    }

    /**
     * Words that say nothing of what a photo of the occasion shows; any other word besides the occasion's name means
     * the query says what to look for ("cello concert"), and the occasion is not expanded.
     */
    private static final Set<String> GENERIC = Set.of(
            "a",
            "an",
            "the",
            "our",
            "my",
            "his",
            "her",
            "their",
            "your",
            "we",
            "of",
            "on",
            "at",
            "in",
            "for",
            "day",
            "days",
            "party",
            "trip",
            "weekend",
            "morning",
            "evening",
            "night",
            "eve",
            "dinner",
            "time",
            "photos",
            "pictures",
            "photo",
            "picture",
            "holiday",
            "celebration",
            "man's",
            "woman's",
            "boy's",
            "girl's",
            "man",
            "woman",
            "boy",
            "girl",
            "old",
            "children",
            "children's",
            "couple");

    /**
     * The occasion the words name, longest names first, when nothing else in them says what the photo shows; null
     * otherwise.
     */
    static @Nullable Expansion find(List<String> words) {
        String text = " " + String.join(" ", words) + " ";
        for (Map.Entry<String, String> entry : TABLE.entrySet()) {
            String name = entry.getKey();
            if (text.contains(" " + name + " ") || text.contains(" " + name + "s ")) {
                Set<String> own = Set.of(name.split(" "));
                boolean onlyTheOccasion = words.stream()
                        .allMatch(word -> own.contains(word)
                                || own.contains(word.replaceAll("s$", ""))
                                || GENERIC.contains(word));
                return onlyTheOccasion ? new Expansion(name, entry.getValue()) : null;
            }
        }
        return null;
    }

    private static Map<String, String> table(String... pairs) {
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new String[] {pairs[i], pairs[i + 1]});
        }
        entries.sort((a, b) -> Integer.compare(b[0].split(" ").length, a[0].split(" ").length));
        Map<String, String> table = new LinkedHashMap<>();
        for (String[] entry : entries) {
            table.put(entry[0], entry[1]);
        }
        return table;
    }
}
