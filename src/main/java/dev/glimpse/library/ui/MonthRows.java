package dev.glimpse.library.ui;

import dev.glimpse.library.ImageSummary;
import dev.glimpse.library.MonthCount;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the library grid grouped by month: for each month (latest first) a heading row, then its images
 * {@code columns} to a row. Maps a row index to a heading or to the slice of images it shows, so the virtual grid
 * reads only the images of the rows in view.
 */
final class MonthRows {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /**
     * One row: a month's heading (label set, no images) or {@code length} images from {@code offset}, with the images
     * themselves once they are read.
     */
    record Row(@Nullable String heading, long offset, int length, List<ImageSummary> images) {
        Row(@Nullable String heading, long offset, int length) {
            this(heading, offset, length, List.of());
        }

        Row with(List<ImageSummary> read) {
            return new Row(heading, offset, length, List.copyOf(read));
        }
    }

    private final List<MonthCount> months;
    private final int columns;
    /** Per month: the index of its heading row, and of its first image among all listed images. */
    private final long[] firstRow;

    private final long[] firstImage;
    private final long rows;

    MonthRows(List<MonthCount> months, int columns) {
        this.months = List.copyOf(months);
        this.columns = Math.max(1, columns);
        this.firstRow = new long[months.size()];
        this.firstImage = new long[months.size()];
        long row = 0;
        long image = 0;
        for (int i = 0; i < months.size(); i++) {
            firstRow[i] = row;
            firstImage[i] = image;
            row += 1 + (months.get(i).images() + this.columns - 1) / this.columns;
            image += months.get(i).images();
        }
        this.rows = row;
    }

    long rowCount() {
        return rows;
    }

    /** The rows from {@code offset}, at most {@code limit}. */
    List<Row> rows(long offset, int limit) {
        List<Row> found = new ArrayList<>();
        int month = monthOf(offset);
        for (long row = offset; row < Math.min(rows, offset + limit); row++) {
            while (month + 1 < months.size() && firstRow[month + 1] <= row) {
                month++;
            }
            long inMonth = row - firstRow[month];
            if (inMonth == 0) {
                found.add(new Row(LABEL.format(months.get(month).month()), 0, 0));
            } else {
                long start = (inMonth - 1) * columns;
                int length = (int) Math.min(columns, months.get(month).images() - start);
                found.add(new Row(null, firstImage[month] + start, length));
            }
        }
        return found;
    }

    /** The row that shows the image at {@code image} (0 = newest), or -1 beyond the last. */
    long rowOf(long image) {
        for (int month = 0; month < months.size(); month++) {
            long inMonth = image - firstImage[month];
            if (inMonth >= 0 && inMonth < months.get(month).images()) {
                return firstRow[month] + 1 + inMonth / columns;
            }
        }
        return -1;
    }

    private int monthOf(long row) {
        int month = 0;
        while (month + 1 < months.size() && firstRow[month + 1] <= row) {
            month++;
        }
        return month;
    }
}
