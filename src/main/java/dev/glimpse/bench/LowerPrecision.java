package dev.glimpse.bench;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Locale;

/**
 * What half-precision weights would give a decoding step: the step's GEMV chain in float16 next to the same chain
 * in float32, timed alternately in the same run, and how far one layer's output moves in float16. bfloat16, the
 * usual choice on CPUs, cannot be measured here: DJL 0.36's PyTorch engine aborts the JVM ("terminate called
 * without an active exception") on creating or converting to a bfloat16 array.
 */
final class LowerPrecision {

    /** The tolerance the model parity tests allow on logits (see {@code BlipTextDecoderTest}). */
    static final double PARITY_TOLERANCE = 1e-4;

    private LowerPrecision() {}

    /** Measures {@code runs} alternating passes and adds one row for the model called {@code model}. */
    static void report(BenchmarkReport report, String model, List<long[]> stepWeights, int runs) {
        Progress.say(model + ": decode-step weights in float16");
        Samples samples = new Samples();
        double error;
        try (Bounds.GemvChain single = new Bounds.GemvChain(stepWeights);
                Bounds.GemvChain half = new Bounds.GemvChain(stepWeights, DataType.FLOAT16)) {
            for (int i = 0; i < runs; i++) {
                samples.add(half.millis(), single.millis());
            }
            error = half.relativeErrorOfFirstProduct();
        }
        report.add(
                model + " decode-step weights in float16 (GEMV chain)",
                samples.value(),
                "ms",
                String.format(
                        Locale.ROOT,
                        "×%.2f vs float32 (%s ms); one layer's output moves by %.1e of its largest value, parity"
                                + " tests allow %.0e on logits: %s",
                        samples.ratio(),
                        BenchmarkReport.format(samples.bound()),
                        error,
                        PARITY_TOLERANCE,
                        error > PARITY_TOLERANCE ? "not adopted" : "a candidate"));
    }
}
