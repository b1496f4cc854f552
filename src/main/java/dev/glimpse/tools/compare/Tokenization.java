package dev.glimpse.tools.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two tokenisations the metrics use. {@link #bleu13a}: lowercase, then sacrebleu's {@code 13a} tokenizer (the
 * one of mteval-v13a.pl): punctuation and symbols become tokens, except that a period or comma between two digits
 * stays inside the number, and a dash after a digit splits. {@link #words}: lowercase, every run of characters
 * other than {@code a-z} and {@code 0-9} becomes a space (the default tokenizer of the {@code rouge_score}
 * package, without stemming); used for ROUGE-L and WER.
 */
final class Tokenization {

    private static final Pattern[] PATTERNS = {
        Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
        Pattern.compile("([^0-9])([\\.,])"),
        Pattern.compile("([\\.,])([^0-9])"),
        Pattern.compile("([0-9])(-)")
    };
    private static final String[] REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Tokenization() {}

    static List<String> bleu13a(String text) {
        String line = text.toLowerCase(Locale.ROOT)
                .replace("<skipped>", "")
                .replace("-\n", "")
                .replace('\n', ' ');
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
        }
        line = " " + line + " ";
        for (int i = 0; i < PATTERNS.length; i++) {
            line = PATTERNS[i].matcher(line).replaceAll(REPLACEMENTS[i]);
        }
        return split(line);
    }

    static List<String> words(String text) {
        return split(NOT_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
    }

    private static List<String> split(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }
}
