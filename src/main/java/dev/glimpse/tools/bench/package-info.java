/**
 * Benchmarks of the native models at full size without downloading them: {@link dev.glimpse.tools.bench.ModelBenchmark}
 * builds BLIP-base, Whisper-base and MiniLM from their configurations with random weights (written as a temporary
 * safetensors checkpoint where the model loads only from a folder) and prints caption, transcription and embedding
 * speed in one table. {@link dev.glimpse.tools.bench.ImportBenchmark} imports generated photos of realistic sizes as the
 * {@code import} command does and starts the server (the application class handed in by the command line) to time
 * captioning. Command-line tools; they may depend on every model package and on the import, none depends on them.
 */
@NamedInterface("bench")
@NullMarked
package dev.glimpse.tools.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
