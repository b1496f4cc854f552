package dev.glimpse.ml.hub;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: splits a safetensors file into shards plus a {@code model.safetensors.index.json}, as the hub has. */
final class SafetensorsShards {

    private SafetensorsShards() {}

    static List<String> split(Path file, Path folder, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        JsonObject header = JsonParser.parseString(new String(bytes, 8, headerLength, StandardCharsets.UTF_8))
                .getAsJsonObject();
        header.remove("__metadata__");
        List<String> names = new ArrayList<>(header.keySet());
        JsonObject weightMap = new JsonObject();
        List<String> shards = new ArrayList<>();
        int perShard = (names.size() + count - 1) / count;
        for (int s = 0; s < count; s++) {
            String shard = String.format("model-%05d-of-%05d.safetensors", s + 1, count);
            List<String> part = names.subList(s * perShard, Math.min(names.size(), (s + 1) * perShard));
            writeShard(bytes, 8 + headerLength, header, part, folder.resolve(shard));
            part.forEach(name -> weightMap.addProperty(name, shard));
            shards.add(shard);
        }
        JsonObject index = new JsonObject();
        index.add("metadata", new Gson().toJsonTree(Map.of("total_size", bytes.length)));
        index.add("weight_map", weightMap);
        Files.writeString(folder.resolve("model.safetensors.index.json"), index.toString());
        return shards;
    }

    private static void writeShard(byte[] source, int dataStart, JsonObject header, List<String> names, Path target)
            throws IOException {
        JsonObject shardHeader = new JsonObject();
        var data = new java.io.ByteArrayOutputStream();
        for (String name : names) {
            JsonObject entry = header.getAsJsonObject(name).deepCopy();
            JsonArray offsets = entry.getAsJsonArray("data_offsets");
            int begin = offsets.get(0).getAsInt();
            int end = offsets.get(1).getAsInt();
            JsonArray newOffsets = new JsonArray();
            newOffsets.add(data.size());
            newOffsets.add(data.size() + end - begin);
            entry.add("data_offsets", newOffsets);
            data.write(source, dataStart + begin, end - begin);
            shardHeader.add(name, entry);
        }
        byte[] json = shardHeader.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        out.put(data.toByteArray());
        Files.write(target, out.array());
    }
}
