package dev.glimpse.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a photo was taken, as English names (any may be missing): city ("Lisbon"), region ("Lisbon", "Tuscany",
 * "England") and country ("Portugal", "United Kingdom"). The index stores each name in its {@link #key key form} so a
 * query can name any of them.
 */
public record IndexedPlace(
        @Nullable String city,
        @Nullable String region,
        @Nullable String country) {

    public IndexedPlace {
        city = blankToNull(city);
        region = blankToNull(region);
        country = blankToNull(country);
    }

    /** The names present, city first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(3);
        for (String name : new String[] {city, region, country}) {
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** "Lisbon, Portugal": the city (or region) and the country, for showing. */
    public String label() {
        String local = city != null ? city : region;
        if (local == null) {
            return country == null ? "" : country;
        }
        return country == null || country.equals(local) ? local : local + ", " + country;
    }

    /**
     * The form names are matched in: accents removed, lower case, every run of characters other than letters and digits
     * one space ("Île-de-France" → "ile de france", "Reykjavík" → "reykjavik").
     */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    private static @Nullable String blankToNull(@Nullable String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
