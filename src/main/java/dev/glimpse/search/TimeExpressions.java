package dev.glimpse.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first time expression in a query's search form and the local days it means, relative to the user's
 * today: a named season, month or holiday with a year ("summer 2024", "christmas 2023", "may of 2019"), or with
 * this/last ("last summer": the latest summer already over; "this winter", "in may": the latest that has begun),
 * "yesterday", "two weeks ago" (the week around that day), "three months ago" (that month), "last weekend",
 * "last month", "this year", "in 2019". A holiday without a year ("christmas") is an occasion, not a time. The
 * prepositions before the expression ("in", "from", "during") belong to it.
 */
final class TimeExpressions {

    /** What was found: the range and where its words are in the text. */
    record Found(TimeRange range, int start, int end) {}

    private static final String BEFORE = "(?<![\\p{L}\\p{N}'])(?:(?:in|from|during|on|at|over|around) )?(?:the )?";
    private static final String AFTER = "(?![\\p{L}\\p{N}'])";
    private static final String NAMES = Seasons.namePattern();
    private static final String NUMBER =
            "(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|\\d{1,2})";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("a couple of", 2),
            Map.entry("a few", 3));

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate[]> range) {}

    private static final List<Rule> RULES = List.of(
            rule("(?:(?:this|last|past) )?(" + NAMES + ")(?: of)? ((?:19|20)\\d\\d)", TimeExpressions::namedYear),
            rule("(this|last|past) (" + NAMES + ")", TimeExpressions::namedRelative),
            rule("in (?:the )?(" + NAMES + ")", (m, today) -> named(m.group(1), today, false)),
            rule("(the day before yesterday|yesterday|last night|today|tonight)", TimeExpressions::day),
            rule(NUMBER + " (day|week|month|year)s? ago", TimeExpressions::ago),
            rule("(this|last|past) (week|weekend|month|year)", TimeExpressions::calendar),
            rule("(?:the year )?((?:19|20)\\d\\d)", (m, today) -> year(Integer.parseInt(m.group(1)))));

    private TimeExpressions() {}

    static Optional<Found> find(String words, LocalDate today) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(words);
            while (matcher.find()) {
                LocalDate[] days = rule.range().apply(matcher, today);
                if (days != null) {
                    String text =
                            words.substring(matcher.start(), matcher.end()).strip();
                    return Optional.of(
                            new Found(new TimeRange(text, days[0], days[1]), matcher.start(), matcher.end()));
                }
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String expression, BiFunction<Matcher, LocalDate, LocalDate[]> range) {
        return new Rule(Pattern.compile(BEFORE + expression + AFTER), range);
    }

    private static LocalDate[] namedYear(Matcher m, LocalDate today) {
        return Seasons.of(m.group(1), Integer.parseInt(m.group(2)));
    }

    private static LocalDate[] namedRelative(Matcher m, LocalDate today) {
        return named(m.group(2), today, !m.group(1).equals("this"));
    }

    /** The latest occurrence already over ({@code over}) or already begun, of a season, month or holiday. */
    private static LocalDate[] named(String name, LocalDate today, boolean over) {
        for (int year = today.getYear() + 1; ; year--) {
            LocalDate[] days = Seasons.of(name, year);
            if (over ? !days[1].isAfter(today) : !days[0].isAfter(today)) {
                return days;
            }
        }
    }

    private static LocalDate[] day(Matcher m, LocalDate today) {
        LocalDate day = switch (m.group(1)) {
            case "the day before yesterday" -> today.minusDays(2);
            case "yesterday", "last night" -> today.minusDays(1);
            default -> today;
        };
        return new LocalDate[] {day, day.plusDays(1)};
    }

    private static LocalDate[] ago(Matcher m, LocalDate today) {
        String amount = m.group(1);
        int n = NUMBERS.containsKey(amount) ? NUMBERS.get(amount) : Integer.parseInt(amount);
        return switch (m.group(2)) {
            case "day" -> around(today.minusDays(n), 1);
            case "week" -> around(today.minusWeeks(n), 3);
            case "month" -> month(today.minusMonths(n));
            default -> year(today.getYear() - n);
        };
    }

    private static LocalDate[] calendar(Matcher m, LocalDate today) {
        boolean last = !m.group(1).equals("this");
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return switch (m.group(2)) {
            case "week" -> last ? new LocalDate[] {monday.minusWeeks(1), monday} : upTo(monday, today);
            case "weekend" -> weekend(today, last);
            case "month" -> last ? month(today.minusMonths(1)) : upTo(today.withDayOfMonth(1), today);
            default -> last ? year(today.getYear() - 1) : upTo(today.withDayOfYear(1), today);
        };
    }

    /** The latest weekend already over ({@code last}), or the one under way or coming. */
    private static LocalDate[] weekend(LocalDate today, boolean last) {
        LocalDate saturday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        if (last && saturday.plusDays(2).isAfter(today)) {
            saturday = saturday.minusWeeks(1);
        } else if (!last && saturday.plusDays(2).isBefore(today)) {
            saturday = saturday.plusWeeks(1);
        }
        return new LocalDate[] {saturday, saturday.plusDays(2)};
    }

    private static LocalDate[] around(LocalDate day, int days) {
        return new LocalDate[] {day.minusDays(days), day.plusDays(days + 1L)};
    }

    private static LocalDate[] upTo(LocalDate from, LocalDate today) {
        return new LocalDate[] {from, today.plusDays(1)};
    }

    private static LocalDate[] month(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return new LocalDate[] {first, first.plusMonths(1)};
    }

    private static LocalDate[] year(int year) {
        return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)};
    }
}
