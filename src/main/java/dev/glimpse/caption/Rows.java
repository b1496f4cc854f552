package dev.glimpse.caption;

import ai.djl.ndarray.NDArray;

/** Copies a [rows, n] float array into Java arrays. */
final class Rows {

    private Rows() {}

    static float[][] of(NDArray matrix) {
        int rows = (int) matrix.getShape().get(0);
        int columns = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] result = new float[rows][];
        for (int row = 0; row < rows; row++) {
            result[row] = java.util.Arrays.copyOfRange(flat, row * columns, (row + 1) * columns);
        }
        return result;
    }
}
