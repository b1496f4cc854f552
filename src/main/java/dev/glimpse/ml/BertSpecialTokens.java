package dev.glimpse.ml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The special and added tokens of a BERT tokenizer described by transformers' files: {@code added_tokens_decoder}
 * of {@code tokenizer_config.json}, {@code added_tokens.json}, and the special tokens of {@code
 * special_tokens_map.json} (which wins) or the tokenizer config, else BertTokenizer's defaults ({@code [UNK]},
 * {@code [SEP]}, {@code [PAD]}, {@code [CLS]}, {@code [MASK]}) where the vocabulary has them. Special tokens missing from the vocabulary (BLIP's
 * {@code [DEC]} and {@code [ENC]}) get the next ids in transformers' order: bos, eos, unk, sep, pad, cls, mask, then
 * the additional special tokens.
 */
final class BertSpecialTokens {

    private static final List<String> KEYS =
            List.of("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");

    /** BertTokenizer's constructor defaults, used when the files do not name these tokens. */
    private static final Map<String, String> BERT_DEFAULTS = Map.of(
            "unk_token", "[UNK]",
            "sep_token", "[SEP]",
            "pad_token", "[PAD]",
            "cls_token", "[CLS]",
            "mask_token", "[MASK]");

    private record Token(String content, boolean special, JsonObject flags) {}

    private final JsonObject config;
    private final JsonObject specialTokensMap;
    private final TreeMap<Integer, Token> added = new TreeMap<>();

    BertSpecialTokens(
            Map<String, Integer> vocab,
            int vocabLines,
            JsonObject config,
            JsonObject specialTokensMap,
            JsonObject addedTokensFile) {
        this.config = config;
        this.specialTokensMap = specialTokensMap;
        JsonElement decoder = config.get("added_tokens_decoder");
        if (decoder != null && decoder.isJsonObject()) {
            for (var entry : decoder.getAsJsonObject().entrySet()) {
                JsonObject token = entry.getValue().getAsJsonObject();
                boolean special = !token.has("special") || token.get("special").getAsBoolean();
                added.put(
                        Integer.parseInt(entry.getKey()),
                        new Token(token.get("content").getAsString(), special, token));
            }
        }
        for (var entry : addedTokensFile.entrySet()) {
            added.putIfAbsent(entry.getValue().getAsInt(), new Token(entry.getKey(), false, new JsonObject()));
        }
        List<String> specials = specials();
        BERT_DEFAULTS.values().stream()
                .filter(token -> vocab.containsKey(token) && !specials.contains(token))
                .forEach(specials::add);
        added.replaceAll((id, token) ->
                specials.contains(token.content()) ? new Token(token.content(), true, token.flags()) : token);
        for (String special : specials) {
            if (added.values().stream().noneMatch(token -> token.content().equals(special))) {
                int next = added.isEmpty() ? vocabLines : Math.max(vocabLines, added.lastKey() + 1);
                added.put(vocab.getOrDefault(special, next), new Token(special, true, new JsonObject()));
            }
        }
    }

    /** The token configured under {@code key} ({@code cls_token}, …), or {@code fallback}. */
    String token(String key, String fallback) {
        String token = content(specialTokensMap.get(key));
        if (token == null) {
            token = content(config.get(key));
        }
        return token == null ? fallback : token;
    }

    /** The id of an added token, if it is one. */
    Integer addedId(String content) {
        return added.entrySet().stream()
                .filter(entry -> entry.getValue().content().equals(content))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The {@code added_tokens} array of tokenizer.json, by id. */
    JsonArray toJson() {
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

    private List<String> specials() {
        List<String> tokens = new ArrayList<>();
        for (String key : KEYS) {
            addIfAbsent(tokens, token(key, null));
        }
        for (JsonObject source : List.of(specialTokensMap, config)) {
            for (String key : List.of("additional_special_tokens", "extra_special_tokens")) {
                JsonElement list = source.get(key);
                if (list != null && list.isJsonArray()) {
                    list.getAsJsonArray().forEach(item -> addIfAbsent(tokens, content(item)));
                } else if (list != null && list.isJsonObject()) {
                    list.getAsJsonObject().entrySet().forEach(item -> addIfAbsent(tokens, content(item.getValue())));
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

    /** A token given as a string or as an AddedToken object ({@code {"content": ...}}). */
    private static @Nullable String content(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonObject() ? value.getAsJsonObject().get("content").getAsString() : value.getAsString();
    }

    private static boolean flag(Token token, String name, boolean fallback) {
        return token.flags().has(name) ? token.flags().get(name).getAsBoolean() : fallback;
    }
}
