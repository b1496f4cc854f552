package dev.glimpse.imaging;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A place name: the nearest city or town, its region (state, province) when known, and its country in English. */
public record Place(String city, @Nullable String region, String country) {

    /** "Lisbon, Portugal": city and country, as a caption line shows it. */
    public String cityAndCountry() {
        return city + ", " + country;
    }

    /** "Lisbon, Lisbon, Portugal" without repeats: every part that says something. */
    public String full() {
        return Stream.of(city, region, country)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
