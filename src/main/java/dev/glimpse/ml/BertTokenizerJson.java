package dev.glimpse.ml;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code tokenizer.json} of a BERT WordPiece tokenizer from the files older repositories ship instead
 * ({@code vocab.txt}, {@code tokenizer_config.json}, {@code special_tokens_map.json}, {@code added_tokens.json}), as
 * transformers' slow-to-fast conversion does: BERT normaliser (lower-casing, accents and Chinese characters per the
 * config), BERT pre-tokeniser, WordPiece with {@code ##} continuations, {@code [CLS] A [SEP] (B [SEP])} templates.
 */
final class BertTokenizerJson {

    private final Map<String, Integer> vocab;
    private final JsonObject config;
    private final BertSpecialTokens specialTokens;

    private BertTokenizerJson(Path dir) {
        this.vocab = readVocab(dir.resolve("vocab.txt"));
        this.config = readJson(dir.resolve("tokenizer_config.json"));
        int vocabLines = vocab.values().stream().mapToInt(id -> id + 1).max().orElse(0);
        this.specialTokens = new BertSpecialTokens(
                vocab,
                vocabLines,
                config,
                readJson(dir.resolve("special_tokens_map.json")),
                readJson(dir.resolve("added_tokens.json")));
    }

    /** Whether {@code dir} lacks {@code tokenizer.json} but has what a BERT tokenizer is built from. */
    static boolean applies(Path dir) {
        return !Files.isRegularFile(dir.resolve("tokenizer.json")) && Files.isRegularFile(dir.resolve("vocab.txt"));
    }

    /** A DJL tokenizer built from the folder's BERT tokenizer files; {@code options} as for {@link Tokenizers}. */
    static HuggingFaceTokenizer load(Path dir, Map<String, String> options) {
        byte[] json = build(dir).getBytes(StandardCharsets.UTF_8);
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build a tokenizer from " + dir.resolve("vocab.txt"), e);
        }
    }

    /** The {@code tokenizer.json} text equivalent to the folder's BERT tokenizer files. */
    static String build(Path dir) {
        return new BertTokenizerJson(dir).toJson().toString();
    }

    private JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("version", "1.0");
        json.add("truncation", JsonNull.INSTANCE);
        json.add("padding", JsonNull.INSTANCE);
        json.add("added_tokens", specialTokens.toJson());
        json.add("normalizer", normalizer());
        json.add("pre_tokenizer", type("BertPreTokenizer"));
        json.add("post_processor", postProcessor());
        JsonObject decoder = type("WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        json.add("decoder", decoder);
        json.add("model", model());
        return json;
    }

    private JsonObject normalizer() {
        JsonObject normalizer = type("BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", configFlag("tokenize_chinese_chars", true));
        JsonElement stripAccents = config.get("strip_accents");
        normalizer.add("strip_accents", stripAccents == null ? JsonNull.INSTANCE : stripAccents);
        normalizer.addProperty("lowercase", configFlag("do_lower_case", true));
        return normalizer;
    }

    private JsonObject postProcessor() {
        String cls = specialTokens.token("cls_token", "[CLS]");
        String sep = specialTokens.token("sep_token", "[SEP]");
        JsonObject processor = type("TemplateProcessing");
        processor.add("single", template(cls, sep, false));
        processor.add("pair", template(cls, sep, true));
        JsonObject specials = new JsonObject();
        for (String token : List.of(cls, sep)) {
            JsonObject special = new JsonObject();
            special.addProperty("id", token);
            JsonArray ids = new JsonArray();
            ids.add(idOf(token));
            special.add("ids", ids);
            JsonArray tokens = new JsonArray();
            tokens.add(token);
            special.add("tokens", tokens);
            specials.add(token, special);
        }
        processor.add("special_tokens", specials);
        return processor;
    }

    private static JsonArray template(String cls, String sep, boolean pair) {
        JsonArray template = new JsonArray();
        template.add(piece("SpecialToken", cls, 0));
        template.add(piece("Sequence", "A", 0));
        template.add(piece("SpecialToken", sep, 0));
        if (pair) {
            template.add(piece("Sequence", "B", 1));
            template.add(piece("SpecialToken", sep, 1));
        }
        return template;
    }

    private static JsonObject piece(String kind, String id, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", typeId);
        JsonObject piece = new JsonObject();
        piece.add(kind, inner);
        return piece;
    }

    private JsonObject model() {
        JsonObject model = type("WordPiece");
        model.addProperty("unk_token", specialTokens.token("unk_token", "[UNK]"));
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        JsonObject vocabJson = new JsonObject();
        vocab.forEach(vocabJson::addProperty);
        model.add("vocab", vocabJson);
        return model;
    }

    private int idOf(String token) {
        Integer id = vocab.containsKey(token) ? vocab.get(token) : specialTokens.addedId(token);
        if (id == null) {
            throw new IllegalArgumentException("Special token " + token + " is neither in vocab.txt nor added");
        }
        return id;
    }

    private boolean configFlag(String key, boolean fallback) {
        JsonElement value = config.get(key);
        return value == null || value.isJsonNull() ? fallback : value.getAsBoolean();
    }

    private static JsonObject type(String type) {
        JsonObject json = new JsonObject();
        json.addProperty("type", type);
        return json;
    }

    /** As transformers' {@code load_vocab}: one token per line, its id the line number, later duplicates win. */
    private static Map<String, Integer> readVocab(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
            Map<String, Integer> vocab = new LinkedHashMap<>();
            for (int id = 0; id < count; id++) {
                vocab.put(lines[id], id);
            }
            return vocab;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static JsonObject readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return new JsonObject();
        }
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
