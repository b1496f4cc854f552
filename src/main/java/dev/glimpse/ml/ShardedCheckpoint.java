package dev.glimpse.ml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A checkpoint split over several files, described by a Hugging Face index ({@code *.index.json}) whose
 * {@code weight_map} names the shard file of every tensor. Every shard is opened with the same opener.
 */
public final class ShardedCheckpoint implements Checkpoint {

    private final Path index;
    private final Map<String, Checkpoint> shardOfTensor;
    private final Map<String, Checkpoint> shards;

    private ShardedCheckpoint(Path index, Map<String, Checkpoint> shardOfTensor, Map<String, Checkpoint> shards) {
        this.index = index;
        this.shardOfTensor = shardOfTensor;
        this.shards = shards;
    }

    public static ShardedCheckpoint open(Path index, Function<Path, Checkpoint> shardOpener) {
        Map<String, String> weightMap = readWeightMap(index);
        Map<String, Checkpoint> shards = new LinkedHashMap<>();
        Map<String, Checkpoint> shardOfTensor = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> entry : weightMap.entrySet()) {
                Checkpoint shard =
                        shards.computeIfAbsent(entry.getValue(), file -> shardOpener.apply(shardPath(index, file)));
                if (!shard.names().contains(entry.getKey())) {
                    throw new IllegalArgumentException("Index " + index + " places tensor '" + entry.getKey() + "' in "
                            + entry.getValue() + ", which does not contain it");
                }
                shardOfTensor.put(entry.getKey(), shard);
            }
        } catch (RuntimeException e) {
            shards.values().forEach(Checkpoint::close);
            throw e;
        }
        return new ShardedCheckpoint(index, Collections.unmodifiableMap(shardOfTensor), shards);
    }

    private static Path shardPath(Path index, String file) {
        Path folder = index.toAbsolutePath().getParent();
        Path shard = folder.resolve(file).normalize();
        if (!shard.getParent().equals(folder.normalize())) {
            throw new IllegalArgumentException("Index " + index + " names shard '" + file + "' outside its folder");
        }
        return shard;
    }

    private static Map<String, String> readWeightMap(Path index) {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonObject weightMap = root.getAsJsonObject("weight_map");
            if (weightMap == null) {
                throw new IllegalArgumentException("Index " + index + " has no weight_map");
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : weightMap.entrySet()) {
                result.put(entry.getKey(), entry.getValue().getAsString());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint index " + index, e);
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("Malformed checkpoint index " + index + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> names() {
        return shardOfTensor.keySet();
    }

    @Override
    public RawTensor tensor(String name) {
        Checkpoint shard = shardOfTensor.get(name);
        if (shard == null) {
            throw new IllegalArgumentException("Tensor '" + name + "' not found in sharded checkpoint " + index);
        }
        return shard.tensor(name);
    }

    @Override
    public void close() {
        shards.values().forEach(Checkpoint::close);
    }
}
