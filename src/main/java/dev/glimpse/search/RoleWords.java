package dev.glimpse.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Family and role words as captions say them: a captioner sees "an old man", never "grandpa". A small reviewed table;
 * "my"/"our" before a mapped word go with it ("my mum" → "woman"), and a possessive stays one ("my daughter's" →
 * "girl's").
 */
final class RoleWords {

    /** A word replaced: "grandpa → old man". */
    record Mapping(String from, String to) {
        String label() {
            return from + " → " + to;
        }
    }

    /** The words after mapping, and what was mapped. */
    record Result(List<String> words, List<Mapping> mappings) {}

    static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("grandpa", "old man"),
            Map.entry("grandad", "old man"),
            Map.entry("granddad", "old man"),
            Map.entry("grandfather", "old man"),
            Map.entry("gramps", "old man"),
            Map.entry("grandma", "old woman"),
            Map.entry("granny", "old woman"),
            Map.entry("gran", "old woman"),
            Map.entry("nana", "old woman"),
            Map.entry("nan", "old woman"),
            Map.entry("nanna", "old woman"),
            Map.entry("grandmother", "old woman"),
            Map.entry("grandparents", "old couple"),
            Map.entry("mum", "woman"),
            Map.entry("mom", "woman"),
            Map.entry("mother", "woman"),
            Map.entry("mummy", "woman"),
            Map.entry("mommy", "woman"),
            Map.entry("mama", "woman"),
            Map.entry("wife", "woman"),
            Map.entry("sister", "woman"),
            Map.entry("aunt", "woman"),
            Map.entry("auntie", "woman"),
            Map.entry("girlfriend", "woman"),
            Map.entry("dad", "man"),
            Map.entry("father", "man"),
            Map.entry("daddy", "man"),
            Map.entry("papa", "man"),
            Map.entry("husband", "man"),
            Map.entry("brother", "man"),
            Map.entry("uncle", "man"),
            Map.entry("boyfriend", "man"),
            Map.entry("son", "boy"),
            Map.entry("nephew", "boy"),
            Map.entry("grandson", "little boy"),
            Map.entry("daughter", "girl"),
            Map.entry("niece", "girl"),
            Map.entry("granddaughter", "little girl"),
            Map.entry("grandkids", "children"),
            Map.entry("grandchildren", "children"));

    private static final Set<String> OWNERS = Set.of("my", "our", "his", "her", "their");

    private RoleWords() {}

    static Result map(List<String> words) {
        List<String> mapped = new ArrayList<>(words.size());
        List<Mapping> mappings = new ArrayList<>();
        for (String word : words) {
            boolean possessive = word.endsWith("'s");
            String base = possessive ? word.substring(0, word.length() - 2) : word;
            String to = TABLE.get(base);
            if (to == null) {
                mapped.add(word);
                continue;
            }
            if (!mapped.isEmpty() && OWNERS.contains(mapped.getLast())) {
                mapped.removeLast();
            }
            mappings.add(new Mapping(word, to + (possessive ? "'s" : "")));
            mapped.addAll(List.of((to + (possessive ? "'s" : "")).split(" ")));
        }
        return new Result(mapped, mappings);
    }
}
