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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@code tokenizer.json} of a BERT WordPiece tokenizer from the files older repositories ship instead:
 * {@code vocab.txt}, {@code tokenizer_config.json} (lower-casing, accents, Chinese characters, special tokens, added
 * tokens), {@code special_tokens_map.json} and {@code added_tokens.json}. Special tokens missing from the vocabulary
 * (BLIP's {@code [DEC]} and {@code [ENC]}) get the next ids in transformers' order: bos, eos, unk, sep, pad, cls,
 * mask, then the additional special tokens.
 */
final class BertTokenizerJson {

    private static final List<String> SPECIAL_TOKEN_KEYS =
            List.of("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

    private record AddedToken(String content, boolean special, JsonObject flags) {}

    private final Map<String, Integer> vocab;
    private final int vocabLines;
    private final JsonObject config;
    private final JsonObject specialTokensMap;
    private final TreeMap<Integer, AddedToken> added = new TreeMap<>();

    private BertTokenizerJson(Path dir) {
        this.vocab = readVocab(dir.resolve("vocab.txt"));
        this.vocabLines = vocab.values().stream().mapToInt(id -> id + 1).max().orElse(0);
        this.config = readJson(dir.resolve("tokenizer_config.json"));
        this.specialTokensMap = readJson(dir.resolve("special_tokens_map.json"));
        collectAddedTokens(readJson(dir.resolve("added_tokens.json")));
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
        json.add("added_tokens", addedTokens());
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

    private void collectAddedTokens(JsonObject addedTokensFile) {
        JsonObject decoder = config.has("added_tokens_decoder") ? config.getAsJsonObject("added_tokens_decoder") : null;
        if (decoder != null) {
            for (var entry : decoder.entrySet()) {
                JsonObject token = entry.getValue().getAsJsonObject();
                boolean special = !token.has("special") || token.get("special").getAsBoolean();
                added.put(
                        Integer.parseInt(entry.getKey()),
                        new AddedToken(token.get("content").getAsString(), special, token));
            }
        }
        for (var entry : addedTokensFile.entrySet()) {
            added.putIfAbsent(entry.getValue().getAsInt(), new AddedToken(entry.getKey(), false, new JsonObject()));
        }
        List<String> specials = specialTokens();
        added.replaceAll((id, token) ->
                specials.contains(token.content()) ? new AddedToken(token.content(), true, token.flags()) : token);
        for (String special : specials) {
            if (added.values().stream().noneMatch(token -> token.content().equals(special))) {
                int id = vocab.getOrDefault(special, nextId());
                added.put(id, new AddedToken(special, true, new JsonObject()));
            }
        }
    }

    private int nextId() {
        int next = vocabLines;
        return added.isEmpty() ? next : Math.max(next, added.lastKey() + 1);
    }

    /** Special tokens in transformers' order; {@code special_tokens_map.json} wins over the tokenizer config. */
    private List<String> specialTokens() {
        List<String> tokens = new ArrayList<>();
        for (String key : SPECIAL_TOKEN_KEYS) {
            String token = tokenValue(specialTokensMap.get(key));
            if (token == null) {
                token = tokenValue(config.get(key));
            }
            if (token != null && !tokens.contains(token)) {
                tokens.add(token);
            }
        }
        for (JsonObject source : List.of(specialTokensMap, config)) {
            for (String key : List.of("additional_special_tokens", "extra_special_tokens")) {
                JsonElement list = source.get(key);
                if (list != null && list.isJsonArray()) {
                    list.getAsJsonArray().forEach(item -> addIfAbsent(tokens, tokenValue(item)));
                } else if (list != null && list.isJsonObject()) {
                    list.getAsJsonObject().entrySet().forEach(item -> addIfAbsent(tokens, tokenValue(item.getValue())));
                }
            }
        }
        return tokens;
    }

    private static void addIfAbsent(List<String> tokens, String token) {
        if (token != null && !tokens.contains(token)) {
            tokens.add(token);
        }
    }

    private static String tokenValue(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonObject()) {
            return value.getAsJsonObject().get("content").getAsString();
        }
        return value.getAsString();
    }

    private JsonArray addedTokens() {
        JsonArray tokens = new JsonArray();
        added.forEach((id, token) -> {
            JsonObject json = new JsonObject();
            json.addProperty("id", id);
            json.addProperty("content", token.content());
            json.addProperty("single_word", flag(token, "single_word", false));
            json.addProperty("lstrip", flag(token, "lstrip", false));
            json.addProperty("rstrip", flag(token, "rstrip", false));
            json.addProperty("normalized", flag(token, "normalized", !token.special()));
            json.addProperty("special", token.special());
            tokens.add(json);
        });
        return tokens;
    }

    private static boolean flag(AddedToken token, String name, boolean fallback) {
        return token.flags().has(name) ? token.flags().get(name).getAsBoolean() : fallback;
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
        String cls = tokenOr("cls_token", "[CLS]");
        String sep = tokenOr("sep_token", "[SEP]");
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
        model.addProperty("unk_token", tokenOr("unk_token", "[UNK]"));
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        JsonObject vocabJson = new JsonObject();
        vocab.forEach(vocabJson::addProperty);
        model.add("vocab", vocabJson);
        return model;
    }

    private int idOf(String token) {
        Integer id = vocab.get(token);
        if (id != null) {
            return id;
        }
        return added.entrySet().stream()
                .filter(entry -> entry.getValue().content().equals(token))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Special token " + token + " is not in vocab.txt"));
    }

    private String tokenOr(String key, String fallback) {
        String token = tokenValue(specialTokensMap.get(key));
        if (token == null) {
            token = tokenValue(config.get(key));
        }
        return token == null ? fallback : token;
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
