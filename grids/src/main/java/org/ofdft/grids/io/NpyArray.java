package org.ofdft.grids.io;

import java.util.Arrays;

/**
 * An array read from or written to NumPy's {@code .npy} format: its shape (C order) and either numeric
 * values (converted to double) or fixed-width unicode strings ({@code <U} arrays, e.g. JAX-DFT's
 * {@code latex_symbols}). {@code dtype} is NumPy's descriptor as read, e.g. {@code <f4}.
 */
public record NpyArray(String dtype, int[] shape, double[] values, String[] strings) {

    public NpyArray {
        shape = shape.clone();
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= dimension;
        }
        int stored = values != null ? values.length : strings.length;
        if (count != stored) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " elements but " + stored + " were given");
        }
    }

    /** A float64 array of the given shape (values not copied). */
    public static NpyArray ofDoubles(double[] values, int... shape) {
        return new NpyArray("<f8", shape, values, null);
    }

    /** An int64 array of the given shape; the values must be integers (values not copied). */
    public static NpyArray ofLongs(double[] values, int... shape) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > 0x1p53) {
                throw new IllegalArgumentException("element " + i + " = " + values[i] + " is not an integer");
            }
        }
        return new NpyArray("<i8", shape, values, null);
    }

    public boolean isNumeric() {
        return values != null;
    }

    public int size() {
        return values != null ? values.length : strings.length;
    }

    /** Row {@code index} of a 2D array (a copy). */
    public double[] row(int index) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("row() needs a 2D array, shape is " + Arrays.toString(shape));
        }
        return Arrays.copyOfRange(values, index * shape[1], (index + 1) * shape[1]);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
