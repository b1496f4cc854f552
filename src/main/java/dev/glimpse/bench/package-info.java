/**
 * Benchmarks of the native models at full size without downloading them: {@link dev.glimpse.bench.ModelBenchmark}
 * builds BLIP-base, Whisper-base and MiniLM from their configurations with random weights (written as a temporary
 * safetensors checkpoint where the model loads only from a folder) and prints caption, transcription and embedding
 * speed in one table. A command-line tool, no Spring; it may depend on every model package, none depends on it.
 */
@NullMarked
package dev.glimpse.bench;

import org.jspecify.annotations.NullMarked;
