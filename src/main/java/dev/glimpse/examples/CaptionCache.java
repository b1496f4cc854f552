package dev.glimpse.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Captions of examples by every key they are known under (final URL, content hash), least recently used dropped past
 * the capacity. In-flight captions are cached too, so two pages asking for the same image at once share one model
 * call; a caption that fails or is cancelled is forgotten, so it can be asked for again.
 */
final class CaptionCache {

    private final Map<String, CompletableFuture<String>> entries;

    CaptionCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The cached caption under any of the keys, or a new one from {@code captioner}, stored under all keys.
     * {@link Lookup#started()} says whether this call started the captioning (and so may cancel it).
     */
    synchronized Lookup caption(List<String> keys, Supplier<CompletableFuture<String>> captioner) {
        for (String key : keys) {
            CompletableFuture<String> cached = entries.get(key);
            if (cached != null) {
                keys.forEach(other -> entries.putIfAbsent(other, cached));
                return new Lookup(cached, false);
            }
        }
        CompletableFuture<String> started = captioner.get();
        keys.forEach(key -> entries.put(key, started));
        started.whenComplete((caption, error) -> {
            if (error != null) {
                forget(started);
            }
        });
        return new Lookup(started, true);
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized void forget(CompletableFuture<String> failed) {
        entries.values().removeIf(future -> future == failed);
    }

    record Lookup(CompletableFuture<String> caption, boolean started) {}
}
