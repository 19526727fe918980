package org.ofdft.ml.validation;

import java.util.Arrays;

/** One train/test partition of sample indices (disjoint, both non-empty). */
public record Split(int[] train, int[] test) {

    public Split {
        if (train == null || test == null || train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("a split needs non-empty training and test sets, got "
                    + (train == null ? 0 : train.length) + " training and " + (test == null ? 0 : test.length)
                    + " test samples");
        }
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    public int trainSize() {
        return train.length;
    }

    public int testSize() {
        return test.length;
    }

    /** The rows of {@code x} at the given indices (the row arrays are shared, not copied). */
    public static double[][] rows(double[][] x, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = x[indices[i]];
        }
        return out;
    }

    /** The entries of {@code y} at the given indices. */
    public static double[] values(double[] y, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = y[indices[i]];
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[" + train.length + " train, " + test.length + " test]";
    }
}
