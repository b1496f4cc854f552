package dev.glimpse.tools.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * What the hardware allows, measured in the same run as the stages it bounds, interleaved with them and through
 * the same engine. A cached decoding step multiplies one row by every weight matrix of the decoder once, so it
 * cannot be faster than streaming those weights from memory: {@link GemvChain} times exactly that, a chain of
 * matrix-vector products over random matrices with the decoder's shapes. An encoder is dense compute: {@link Gemm}
 * times a matrix product of the encoder's dominant shape and scales it to the encoder's floating-point operations.
 */
final class Bounds {

    private Bounds() {}

    /** Megabytes of float32 weights with {@code shapes} [out, in]. */
    static double megabytes(List<long[]> shapes) {
        return shapes.stream().mapToDouble(shape -> shape[0] * shape[1] * 4.0).sum() / 1e6;
    }

    /** How a dense stage is bounded: {@code flops} at the rate of a [rows, width]·[width, width] product. */
    static String gemmBound(double flops, int rows, int width, double gflops) {
        return String.format(
                Locale.ROOT,
                "bound: %.1f GFLOP at the rate of a %d×%d·%d×%d GEMM (%.0f GFLOP/s)",
                flops / 1e9,
                rows,
                width,
                width,
                width,
                gflops);
    }

    /** How a decode step is bounded: streaming {@code shapes}, a step's weights and cached K/V, from memory. */
    static String stepBound(List<long[]> shapes) {
        return String.format(
                Locale.ROOT,
                "bound: GEMV chain over the %d matrices a step reads: weights and cached cross-attention K/V (%.0f MB)",
                shapes.size(),
                megabytes(shapes));
    }

    /** Random weights of given shapes [out, in] and one input row for each. */
    static final class GemvChain implements AutoCloseable {

        private final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        private final List<NDArray> weights = new ArrayList<>();
        private final List<NDArray> rows = new ArrayList<>();
        private final double megabytes;

        GemvChain(List<long[]> shapes) {
            this(shapes, DataType.FLOAT32);
        }

        /** The same chain with weights and rows of {@code type} (float16 to measure lower precision). */
        GemvChain(List<long[]> shapes, DataType type) {
            double bytes = 0;
            for (long[] shape : shapes) {
                weights.add(manager.randomUniform(-0.05f, 0.05f, new Shape(shape[0], shape[1]))
                        .toType(type, false));
                rows.add(manager.randomUniform(-1f, 1f, new Shape(1, shape[1])).toType(type, false));
                bytes += shape[0] * shape[1] * (double) type.getNumOfBytes();
            }
            megabytes = bytes / 1e6;
            millis(); // warm-up
        }

        /**
         * The median milliseconds of three passes of each row through its weight matrix, one after another, with
         * the engine's intra-op threads or with one thread, whichever is faster now: the fastest this machine
         * streams these weights.
         */
        double millis() {
            return fastest(this::pass);
        }

        /**
         * The median milliseconds of three passes that only read every weight once (a sum over each matrix), the
         * fastest of the engine's threads and one thread: how fast memory delivers these bytes without a product.
         */
        double readMillis() {
            return fastest(this::read);
        }

        private static double fastest(DoubleSupplier pass) {
            double engineThreads = pass.getAsDouble();
            int threads = JniUtils.getNumThreads();
            if (threads == 1) {
                return engineThreads;
            }
            JniUtils.setNumThreads(1);
            try {
                return Math.min(engineThreads, pass.getAsDouble());
            } finally {
                JniUtils.setNumThreads(threads);
            }
        }

        private double pass() {
            return Timings.medianMillis(0, 3, () -> {
                try (NDManager pass = manager.newSubManager()) {
                    for (int i = 0; i < weights.size(); i++) {
                        NDArray row = rows.get(i);
                        row.tempAttach(pass);
                        Linear.linear(row, weights.get(i)).singletonOrThrow();
                    }
                }
            });
        }

        private double read() {
            return Timings.medianMillis(0, 3, () -> {
                try (NDManager pass = manager.newSubManager()) {
                    for (NDArray weight : weights) {
                        weight.tempAttach(pass);
                        weight.sum();
                    }
                }
            });
        }

        double megabytes() {
            return megabytes;
        }

        /**
         * The largest difference between the first matrix's product in this chain's type and in float32, relative
         * to the largest float32 output: how far one layer's output moves in this precision.
         */
        double relativeErrorOfFirstProduct() {
            try (NDManager probe = manager.newSubManager()) {
                NDArray row = rows.get(0).toType(DataType.FLOAT32, true);
                NDArray weight = weights.get(0).toType(DataType.FLOAT32, true);
                row.attach(probe);
                weight.attach(probe);
                NDArray exact = Linear.linear(row, weight).singletonOrThrow();
                NDArray lower = Linear.linear(rows.get(0), weights.get(0))
                        .singletonOrThrow()
                        .toType(DataType.FLOAT32, false);
                lower.attach(probe);
                return exact.sub(lower).abs().max().getFloat()
                        / exact.abs().max().getFloat();
            }
        }

        int matrices() {
            return weights.size();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** A [rows, width]·[width, width] float32 product standing for {@code flops} operations of an encoder. */
    static final class Gemm implements AutoCloseable {

        private final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        private final NDArray a;
        private final NDArray b;
        private final double flops;
        private final int products;
        private final double perProduct;

        Gemm(double flops, int rows, int width) {
            this.flops = flops;
            this.a = manager.randomUniform(-1f, 1f, new Shape(rows, width));
            this.b = manager.randomUniform(-1f, 1f, new Shape(width, width));
            this.perProduct = 2.0 * rows * width * width;
            this.products = (int) Math.max(1, Math.min(10, Math.round(flops / perProduct / 8)));
            millis(); // warm-up
        }

        /** Milliseconds {@code flops} operations take at the rate of {@code products} products timed now. */
        double millis() {
            long start = System.nanoTime();
            for (int i = 0; i < products; i++) {
                a.matMul(b).close();
            }
            double millis = (System.nanoTime() - start) / 1e6;
            return millis / (products * perProduct) * flops;
        }

        /** GFLOP/s at {@code millis} for this product's operation count. */
        double gflops(double millis) {
            return flops / millis / 1e6;
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
