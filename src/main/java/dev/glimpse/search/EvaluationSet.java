package dev.glimpse.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A search evaluation set as {@link EvaluateSearch} reads it: UTF-8 text, one line per caption,
 * {@code caption<TAB>query}. Every caption is one image of the library; a line without a query (nothing after the
 * tab, or no tab) only adds a distractor; a query's intended image is the caption on its line. Blank lines are
 * skipped. Captions that are equal count as one another's image, as no search over captions can tell them apart.
 */
record EvaluationSet(String name, List<String> captions, List<Query> queries) {

    /** A query and the index of the caption it is meant to find. */
    record Query(String text, int intended) {}

    EvaluationSet {
        captions = List.copyOf(captions);
        queries = List.copyOf(queries);
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
        String[] lines = text.strip().isEmpty() ? new String[0] : text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length > 2) {
                throw new IllegalArgumentException(
                        name + " line " + (i + 1) + ": expected caption<TAB>query, found " + fields.length + " tabs");
            }
            String caption = fields[0].strip();
            if (caption.isEmpty()) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": the caption is empty");
            }
            captions.add(caption);
            String query = fields.length == 2 ? fields[1].strip() : "";
            if (!query.isEmpty()) {
                queries.add(new Query(query, captions.size() - 1));
            }
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(name + " has no query: expected lines caption<TAB>query");
        }
        return new EvaluationSet(name, captions, queries);
    }
}
