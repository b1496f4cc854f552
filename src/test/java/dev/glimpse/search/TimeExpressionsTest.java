package dev.glimpse.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeExpressionsTest {

    /** A Tuesday in spring. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void lastSeasonIsTheLatestOneAlreadyOverAndThisSeasonTheLatestBegun() {
        assertRange("the dog on the beach last summer", "last summer", "2025-06-01", "2025-08-31");
        assertRange("snow this winter", "this winter", "2025-12-01", "2026-02-28");
        assertRange("bikes last spring", "last spring", "2025-03-01", "2025-05-31");
        assertThat(TimeExpressions.find("last summer", LocalDate.of(2026, 7, 1))
                        .orElseThrow()
                        .range()
                        .from())
                .isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void namedSeasonsMonthsAndHolidaysWithAYearAreThatYears() {
        assertRange("summer 2024", "summer 2024", "2024-06-01", "2024-08-31");
        assertRange("in the summer of 2024", "in the summer of 2024", "2024-06-01", "2024-08-31");
        assertRange("the tree christmas 2023", "christmas 2023", "2023-12-15", "2024-01-01");
        assertRange("may 2019", "may 2019", "2019-05-01", "2019-05-31");
        assertRange("fireworks on new year's eve 2024", "on new year's eve 2024", "2024-12-31", "2025-01-01");
    }

    @Test
    void aMonthAfterInIsTheLatestThatHasBegun() {
        assertRange("cherry blossoms in april", "in april", "2025-04-01", "2025-04-30");
        assertRange("the dog in the snow in january", "in january", "2026-01-01", "2026-01-31");
        assertRange("the cake in may", "in may", "2025-05-01", "2025-05-31");
    }

    @Test
    void daysAndWeeksAgoAreAroundThatDayAndMonthsAndYearsAgoThatMonthAndYear() {
        assertRange("the pasta yesterday", "yesterday", "2026-03-09", "2026-03-09");
        assertRange("pancakes three days ago", "three days ago", "2026-03-06", "2026-03-08");
        assertRange("the coffee two weeks ago", "two weeks ago", "2026-02-21", "2026-02-27");
        assertRange("a couple of months ago", "a couple of months ago", "2026-01-01", "2026-01-31");
        assertRange("three years ago", "three years ago", "2023-01-01", "2023-12-31");
    }

    @Test
    void calendarWeeksMonthsYearsAndWeekends() {
        assertRange("last weekend", "last weekend", "2026-03-07", "2026-03-08");
        assertRange("last week", "last week", "2026-03-02", "2026-03-08");
        assertRange("last month", "last month", "2026-02-01", "2026-02-28");
        assertRange("last year", "last year", "2025-01-01", "2025-12-31");
        assertRange("this year", "this year", "2026-01-01", "2026-03-10");
        assertRange("mum on a bench in 2019", "in 2019", "2019-01-01", "2019-12-31");
    }

    @Test
    void wordsThatOnlyLookLikeTimesAreNotTimes() {
        assertThat(TimeExpressions.find("a christmas tree with presents", TODAY))
                .isEmpty();
        assertThat(TimeExpressions.find("you may like the march of the penguins", TODAY))
                .isEmpty();
        assertThat(TimeExpressions.find("a cake with a 50 on it", TODAY)).isEmpty();
        assertThat(TimeExpressions.find("a summer dress", TODAY)).isEmpty();
    }

    private static void assertRange(String query, String text, String from, String to) {
        TimeRange range = TimeExpressions.find(query, TODAY).orElseThrow().range();
        System.out.println(query + " -> " + range.label());
        assertThat(range.text()).isEqualTo(text);
        assertThat(range.from()).isEqualTo(LocalDate.parse(from));
        assertThat(range.to()).isEqualTo(LocalDate.parse(to));
    }
}
