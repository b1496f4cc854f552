package dev.glimpse.library.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.library.MonthCount;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthRowsTest {

    private final MonthRows layout = new MonthRows(
            List.of(new MonthCount(YearMonth.of(2024, 7), 5), new MonthCount(YearMonth.of(2023, 12), 2)), 4);

    @Test
    void eachMonthHasAHeadingFollowedByItsImagesInRows() {
        assertThat(layout.rowCount()).isEqualTo(5); // heading, 4, 1, heading, 2
        assertThat(layout.rows(0, 10))
                .containsExactly(
                        new MonthRows.Row("July 2024", 0, 0),
                        new MonthRows.Row(null, 0, 4),
                        new MonthRows.Row(null, 4, 1),
                        new MonthRows.Row("December 2023", 0, 0),
                        new MonthRows.Row(null, 5, 2));
    }

    @Test
    void aWindowOfRowsStartsInTheMiddleOfAMonth() {
        assertThat(layout.rows(2, 2))
                .containsExactly(new MonthRows.Row(null, 4, 1), new MonthRows.Row("December 2023", 0, 0));
        assertThat(layout.rows(4, 10)).containsExactly(new MonthRows.Row(null, 5, 2));
    }

    @Test
    void anEmptyLibraryHasNoRows() {
        assertThat(new MonthRows(List.of(), 4).rowCount()).isZero();
        assertThat(new MonthRows(List.of(), 4).rows(0, 10)).isEmpty();
    }
}
