package dev.glimpse.tools.bench;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Locale;

/**
 * How else a decoding step's weights could be streamed, measured next to the float32 GEMV chain that bounds the
 * step: a plain read of every weight (a sum per matrix, no product), which shows how far the float32
 * matrix-vector kernel is from what memory delivers, and the same chain in float16, with how far one layer's output
 * moves in that precision. bfloat16, the usual choice on CPUs, cannot be measured here: DJL 0.36's PyTorch engine
 * aborts the JVM ("terminate called without an active exception") on creating or converting to a bfloat16 array.
 */
final class WeightStreaming {

    /** The tolerance the model parity tests allow on logits (see {@code BlipTextDecoderTest}). */
    static final double PARITY_TOLERANCE = 1e-4;

    private WeightStreaming() {}

    /** Measures {@code runs} alternating passes and adds two rows for the model called {@code model}. */
    static void report(BenchmarkReport report, String model, List<long[]> stepWeights, int runs) {
        Progress.say(model + ": decode-step weights read once and in float16");
        Samples read = new Samples();
        Samples half = new Samples();
        double error;
        try (Bounds.GemvChain single = new Bounds.GemvChain(stepWeights);
                Bounds.GemvChain halfChain = new Bounds.GemvChain(stepWeights, DataType.FLOAT16)) {
            for (int i = 0; i < runs; i++) {
                double bound = single.millis();
                read.add(single.readMillis(), bound);
                half.add(halfChain.millis(), bound);
            }
            error = halfChain.relativeErrorOfFirstProduct();
        }
        report.add(
                model + " decode-step weights read once (a sum per matrix)",
                read.value(),
                "ms",
                String.format(
                        Locale.ROOT,
                        "×%.2f vs the float32 GEMV chain (%s ms) that bounds the step",
                        read.ratio(),
                        BenchmarkReport.format(read.bound())));
        report.add(
                model + " decode-step weights in float16 (GEMV chain)",
                half.value(),
                "ms",
                String.format(
                        Locale.ROOT,
                        "×%.2f vs float32 (%s ms); one layer's output moves by %.1e of its largest value, parity"
                                + " tests allow %.0e on logits: %s",
                        half.ratio(),
                        BenchmarkReport.format(half.bound()),
                        error,
                        PARITY_TOLERANCE,
                        error > PARITY_TOLERANCE ? "not adopted" : "a candidate"));
    }
}
