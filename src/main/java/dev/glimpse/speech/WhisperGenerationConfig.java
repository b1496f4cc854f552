package dev.glimpse.speech;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.glimpse.ml.ConfigJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The token ids Whisper's generation needs, all from {@code generation_config.json} (never hard-coded, since
 * every checkpoint numbers its special tokens its own way): the start token, end tokens, the no-timestamps
 * token, the tokens suppressed at every step and at the first step, and the language and task tokens.
 * Languages are keyed by their code ({@code en} for {@code <|en|>}).
 */
record WhisperGenerationConfig(
        int decoderStartTokenId,
        Set<Integer> eosTokenIds,
        Integer noTimestampsTokenId,
        int[] suppressTokens,
        int[] beginSuppressTokens,
        Map<String, Integer> languageToId,
        Map<String, Integer> taskToId) {

    static final String FILE = "generation_config.json";

    static WhisperGenerationConfig load(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + FILE + " in " + modelDir);
        }
        ConfigJson json = ConfigJson.read(file);
        json.require("eos_token_id");
        return new WhisperGenerationConfig(
                json.requireInt("decoder_start_token_id"),
                Set.copyOf(json.intsOr("eos_token_id")),
                json.has("no_timestamps_token_id") ? json.requireInt("no_timestamps_token_id") : null,
                toArray(json.intsOr("suppress_tokens")),
                toArray(json.intsOr("begin_suppress_tokens")),
                languages(json.has("lang_to_id") ? json.require("lang_to_id").getAsJsonObject() : null),
                tasks(json.has("task_to_id") ? json.require("task_to_id").getAsJsonObject() : null));
    }

    /** Whether the checkpoint knows languages and tasks (multilingual) or only English. */
    boolean multilingual() {
        return !languageToId.isEmpty();
    }

    Set<String> languages() {
        return new TreeSet<>(languageToId.keySet());
    }

    /** The token of a language given as a code ({@code en}) or token ({@code <|en|>}). */
    int languageToken(String language) {
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (code.startsWith("<|") && code.endsWith("|>")) {
            code = code.substring(2, code.length() - 2);
        }
        Integer id = languageToId.get(code);
        if (id == null) {
            throw new IllegalArgumentException("Language '" + language + "' is not one of " + languages());
        }
        return id;
    }

    /** The code of a language token, or {@code null} when the token is no language. */
    @Nullable
    String languageCode(int tokenId) {
        for (Map.Entry<String, Integer> entry : languageToId.entrySet()) {
            if (entry.getValue() == tokenId) {
                return entry.getKey();
            }
        }
        return null;
    }

    int taskToken(TranscriptionTask task) {
        Integer id = taskToId.get(task.configKey());
        if (id == null) {
            throw new IllegalArgumentException("Task '" + task.configKey() + "' is not one of " + taskToId.keySet());
        }
        return id;
    }

    /**
     * {@code <|startoftranscript|><|lang|><|task|><|notimestamps|>}; for English-only checkpoints just the
     * start and no-timestamps tokens.
     */
    int[] prompt(String languageCode, TranscriptionTask task) {
        List<Integer> prompt = new ArrayList<>();
        prompt.add(decoderStartTokenId);
        if (multilingual()) {
            prompt.add(languageToken(languageCode));
            prompt.add(taskToken(task));
        }
        if (noTimestampsTokenId != null) {
            prompt.add(noTimestampsTokenId);
        }
        return toArray(prompt);
    }

    private static Map<String, Integer> languages(JsonObject json) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        if (json != null) {
            for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
                String token = entry.getKey();
                String code =
                        token.startsWith("<|") && token.endsWith("|>") ? token.substring(2, token.length() - 2) : token;
                codes.put(code, entry.getValue().getAsInt());
            }
        }
        return Map.copyOf(codes);
    }

    private static Map<String, Integer> tasks(JsonObject json) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        if (json != null) {
            json.entrySet()
                    .forEach(entry -> tasks.put(entry.getKey(), entry.getValue().getAsInt()));
        }
        return Map.copyOf(tasks);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
