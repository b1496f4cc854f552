package dev.glimpse.library;

import java.time.YearMonth;

/** A month and how many of the listed images were taken in it. */
public record MonthCount(YearMonth month, long images) {}
