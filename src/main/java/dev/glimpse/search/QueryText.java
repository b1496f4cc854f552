package dev.glimpse.search;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Makes whatever a user typed or said safe to embed and analyse: control characters, invisible format characters
 * (bidi overrides, zero-width spaces; not the emoji joiner) and unpaired surrogates become spaces, runs of white space collapse to one, the ends are trimmed, and the text is cut to a maximum number of
 * characters without splitting a surrogate pair (so emoji survive whole). Never throws on any string. {@link
 * #searchForm} then gives the form that is embedded and matched: lower case, without punctuation, so that a Whisper
 * transcript ("A red car by the sea.") is searched exactly like the typed words ("a red car by the sea").
 */
final class QueryText {

    /** Kept: it joins emoji into one picture (family, flags with skin tones). */
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private QueryText() {}

    static String clean(@Nullable String raw, int maxLength) {
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

    /**
     * The words of a cleaned query as they are searched: compatibility-normalised (NFKC), lower case, every
     * punctuation mark a space (hyphens, quotes, full stops, commas; a full stop or comma between two digits and an
     * apostrophe inside a word stay), white space collapsed. Letters, digits, emoji and other symbols are kept.
     */
    static String searchForm(String cleaned) {
        String text = Normalizer.normalize(cleaned, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder words = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (!isPunctuation(codePoint) || keptInside(text, i, codePoint)) {
                words.appendCodePoint(isApostrophe(codePoint) ? '\'' : codePoint);
            } else if (!words.isEmpty() && words.charAt(words.length() - 1) != ' ') {
                words.append(' ');
            }
            i = next;
        }
        return words.toString().strip().replaceAll(" {2,}", " ");
    }

    private static boolean keptInside(String text, int index, int codePoint) {
        if (index == 0 || index + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index + 1);
        if (isApostrophe(codePoint)) {
            return Character.isLetter(before) && Character.isLetter(after);
        }
        return (codePoint == '.' || codePoint == ',') && Character.isDigit(before) && Character.isDigit(after);
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019';
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> codePoint == ' ';
        };
    }
}
