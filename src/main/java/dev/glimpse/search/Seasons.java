package dev.glimpse.search;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The named stretches of a year a query can mean: seasons (northern hemisphere, meteorological: summer is June to
 * August; winter Y is December Y to February Y+1), months and the holidays photos cluster around (christmas: 15 Dec
 * to 1 Jan; new year's eve: 31 Dec; halloween: 24 Oct to 1 Nov; thanksgiving: the week of the fourth Thursday of
 * November). Each name gives the range of a given year.
 */
final class Seasons {

    private static final Map<String, IntFunction<LocalDate[]>> SEASONS = Map.of(
            "spring", year -> months(year, Month.MARCH, 3),
            "summer", year -> months(year, Month.JUNE, 3),
            "autumn", year -> months(year, Month.SEPTEMBER, 3),
            "fall", year -> months(year, Month.SEPTEMBER, 3),
            "winter", year -> months(year, Month.DECEMBER, 3));

    private static final Map<String, IntFunction<LocalDate[]>> HOLIDAYS = Map.of(
            "christmas", year -> days(year, MonthDay.of(12, 15), 18),
            "xmas", year -> days(year, MonthDay.of(12, 15), 18),
            "new year's eve", year -> days(year, MonthDay.of(12, 31), 2),
            "new years eve", year -> days(year, MonthDay.of(12, 31), 2),
            "halloween", year -> days(year, MonthDay.of(10, 24), 9),
            "thanksgiving", Seasons::thanksgiving);

    private Seasons() {}

    /** The regular-expression alternation of every season, month and holiday name. */
    static String namePattern() {
        StringBuilder names = new StringBuilder();
        for (String name : SEASONS.keySet()) {
            names.append(name).append('|');
        }
        for (String name : HOLIDAYS.keySet()) {
            names.append(name).append('|');
        }
        for (Month month : Month.values()) {
            names.append(month.name().toLowerCase(Locale.ROOT)).append('|');
        }
        return names.substring(0, names.length() - 1);
    }

    static boolean isHoliday(String name) {
        return HOLIDAYS.containsKey(name);
    }

    /** The days {@code name} covers in {@code year}: [from, until). */
    static LocalDate[] of(String name, int year) {
        if (SEASONS.containsKey(name)) {
            return SEASONS.get(name).apply(year);
        }
        if (HOLIDAYS.containsKey(name)) {
            return HOLIDAYS.get(name).apply(year);
        }
        return months(year, Month.valueOf(name.toUpperCase(Locale.ROOT)), 1);
    }

    private static LocalDate[] months(int year, Month first, int count) {
        LocalDate from = LocalDate.of(year, first, 1);
        return new LocalDate[] {from, from.plusMonths(count)};
    }

    private static LocalDate[] days(int year, MonthDay first, int count) {
        LocalDate from = first.atYear(year);
        return new LocalDate[] {from, from.plusDays(count)};
    }

    private static LocalDate[] thanksgiving(int year) {
        LocalDate first = LocalDate.of(year, Month.NOVEMBER, 1);
        int toThursday =
                (java.time.DayOfWeek.THURSDAY.getValue() - first.getDayOfWeek().getValue() + 7) % 7;
        LocalDate day = first.plusDays(toThursday + 21L);
        return new LocalDate[] {day.minusDays(3), day.plusDays(4)};
    }
}
