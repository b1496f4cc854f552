package dev.glimpse.tools.evaluate;

import dev.glimpse.search.IndexedPlace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search evaluation set as {@link EvaluateSearch} reads it: UTF-8 text, one line per caption,
 * {@code caption<TAB>query}, optionally followed by {@code <TAB>kind<TAB>taken<TAB>place}: the query's kind
 * ("paraphrase", "spoken", "time"…; reported apart), the day the photo was taken ({@code 2024-07-14}, read as noon UTC)
 * and where ({@code city|region|country}, any part empty). Every caption is one image of the library; a line without
 * a query (nothing after the tab, or no tab) only adds a distractor; a query's intended image is the caption on its
 * line. Blank lines and lines starting with {@code #} are skipped, but {@code #today YYYY-MM-DD} sets the day that
 * time expressions are relative to (default: the day the evaluation runs). Captions that are equal count as one
 * another's image, as no search over captions can tell them apart.
 */
record EvaluationSet(
        String name,
        List<String> captions,
        List<Query> queries,
        List<Facts> facts,
        @Nullable LocalDate today) {

    /** A query, the index of the caption it is meant to find, and its kind ("" when the file names none). */
    record Query(String text, int intended, String kind) {

        Query(String text, int intended) {
            this(text, intended, "");
        }
    }

    /** When and where a caption's photo was taken, as far as the file says. */
    record Facts(@Nullable Instant takenAt, @Nullable IndexedPlace place) {

        static final Facts NONE = new Facts(null, null);
    }

    private static final int MAX_FIELDS = 5;

    EvaluationSet {
        captions = List.copyOf(captions);
        queries = List.copyOf(queries);
        facts = List.copyOf(facts);
    }

    EvaluationSet(String name, List<String> captions, List<Query> queries) {
        this(
                name,
                captions,
                queries,
                captions.stream().map(caption -> Facts.NONE).toList(),
                null);
    }

    static EvaluationSet read(Path file) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return parse(file.getFileName().toString(), text);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static EvaluationSet parse(String name, String text) {
        List<String> captions = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        List<Facts> facts = new ArrayList<>();
        LocalDate today = null;
        String[] lines = text.strip().isEmpty() ? new String[0] : text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String where = name + " line " + (i + 1) + ": ";
            if (line.startsWith("#today ")) {
                today = day(line.substring("#today ".length()).strip(), where);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length > MAX_FIELDS) {
                throw new IllegalArgumentException(where + "expected caption<TAB>query[<TAB>kind<TAB>taken<TAB>place],"
                        + " found " + (fields.length - 1) + " tabs");
            }
            String caption = fields[0].strip();
            if (caption.isEmpty()) {
                throw new IllegalArgumentException(where + "the caption is empty");
            }
            captions.add(caption);
            facts.add(facts(fields, where));
            String query = field(fields, 1);
            if (!query.isEmpty()) {
                queries.add(new Query(query, captions.size() - 1, field(fields, 2)));
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(name + " has no query: expected lines caption<TAB>query");
        }
        return new EvaluationSet(name, captions, queries, facts, today);
    }

    private static Facts facts(String[] fields, String where) {
        String taken = field(fields, 3);
        String place = field(fields, 4);
        if (taken.isEmpty() && place.isEmpty()) {
            return Facts.NONE;
        }
        Instant takenAt = taken.isEmpty()
                ? null
                : day(taken, where).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        String[] names = place.split("\\|", -1);
        IndexedPlace at = place.isEmpty() ? null : new IndexedPlace(part(names, 0), part(names, 1), part(names, 2));
        return new Facts(takenAt, at);
    }

    private static LocalDate day(String text, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "expected a day like 2024-07-14, found \"" + text + "\"");
        }
    }

    private static String field(String[] fields, int index) {
        return fields.length > index ? fields[index].strip() : "";
    }

    private static @Nullable String part(String[] names, int index) {
        return names.length > index && !names[index].isBlank() ? names[index].strip() : null;
    }
}
