package dev.glimpse.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Cleans a client-supplied file name for display; it is never used as a path. Keeps the last path segment, removes
 * control characters, Unicode format characters (bidi overrides and isolates such as U+202E, zero-width characters,
 * byte-order marks), line and paragraph separators and unpaired surrogates, so a name shows as what it is
 * ({@code invoice\u202Egnp.exe} becomes {@code invoicegnp.exe}, not "invoiceexe.png"), and cuts it to 200 characters
 * without splitting a character.
 */
final class FileNames {

    private static final int MAX_LENGTH = 200;
    private static final String INVISIBLE = "[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}\\p{Cn}]";

    private FileNames() {}

    static String displayName(@Nullable String name) {
        if (name == null) {
            return "unnamed";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = base.replaceAll(INVISIBLE, "").strip();
        if (printable.isEmpty()) {
            return "unnamed";
        }
        if (printable.codePointCount(0, printable.length()) <= MAX_LENGTH) {
            return printable;
        }
        return printable.substring(0, printable.offsetByCodePoints(0, MAX_LENGTH));
    }
}
