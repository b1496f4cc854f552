package dev.glimpse.search;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a query that {@link QueryUnderstanding} can take apart, each shown as a chip the user can remove;
 * a search "without" a part takes the query's words literally for it.
 */
public enum QueryPart {
    /** A capture-time expression ("last summer") became a filter. */
    TIME,
    /** A place ("in lisbon") became a filter. */
    PLACE,
    /** Spoken fillers and framing were removed. */
    FILLERS,
    /** Family and role words were put as captions say them. */
    FAMILY,
    /** An occasion was expanded to what its photos show. */
    OCCASION,
    /** Words no caption has were corrected to caption words. */
    SPELLING;

    /** The parts named in a comma-separated list ("time,place"); unknown names are refused. */
    public static Set<QueryPart> parse(String names) {
        Set<QueryPart> parts = EnumSet.noneOf(QueryPart.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                try {
                    parts.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown query part \"" + name.strip()
                            + "\": expected time, place, fillers, family, occasion or spelling.");
                }
            }
        }
        return parts;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
