package dev.glimpse.search;

/**
 * Makes whatever a user typed or said safe to embed and analyse: control characters, invisible format characters
 * (bidi overrides, zero-width spaces; not the emoji joiner) and unpaired surrogates become spaces, runs of white space collapse to one, the ends are trimmed, and the text is cut to a maximum number of
 * characters without splitting a surrogate pair (so emoji survive whole). Never throws on any string.
 */
final class QueryText {

    /** Kept: it joins emoji into one picture (family, flags with skin tones). */
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private QueryText() {}

    static String clean(String raw, int maxLength) {
        if (raw == null) {
            return "";
        }
        String text = raw.length() > maxLength * 4L ? raw.substring(0, maxLength * 4) : raw;
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxLength));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isSeparator(codePoint)) {
                pendingSpace = !clean.isEmpty();
                continue;
            }
            int needed = Character.charCount(codePoint) + (pendingSpace ? 1 : 0);
            if (clean.length() + needed > maxLength) {
                break;
            }
            if (pendingSpace) {
                clean.append(' ');
                pendingSpace = false;
            }
            clean.appendCodePoint(codePoint);
        }
        return clean.toString();
    }

    private static boolean isSeparator(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL
                || type == Character.SURROGATE
                || type == Character.FORMAT && codePoint != ZERO_WIDTH_JOINER;
    }
}
