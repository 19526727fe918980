package org.ofdft.grids;

import java.util.Arrays;

/**
 * A real scalar field sampled on a grid. The field carries its grid, so that integrals use the
 * right weight and operations between fields on different grids are refused.
 *
 * <p>The values array is shared, not copied (as a NumPy view): hot loops read and write it
 * directly through {@link #values()}. Methods ending in {@code InPlace} modify this field and
 * allocate nothing; the others return new fields.
 */
public final class RealField {

    private final Grid grid;
    private final double[] values;

    private RealField(Grid grid, double[] values) {
        this.grid = grid;
        this.values = values;
    }

    /** Wraps {@code values} (not copied) as a field on {@code grid}. */
    public static RealField wrap(Grid grid, double[] values) {
        if (grid == null) {
            throw new IllegalArgumentException("a field needs a grid");
        }
        grid.checkField(values, "field");
        return new RealField(grid, values);
    }

    /** A field of zeros. */
    public static RealField zeros(Grid grid) {
        return new RealField(grid, new double[grid.size()]);
    }

    /** A field with every value equal to {@code value}. */
    public static RealField constant(Grid grid, double value) {
        double[] v = new double[grid.size()];
        Arrays.fill(v, value);
        return new RealField(grid, v);
    }

    public Grid grid() {
        return grid;
    }

    /** The backing array (shared). */
    public double[] values() {
        return values;
    }

    public int size() {
        return values.length;
    }

    public double get(int index) {
        return values[index];
    }

    /** A deep copy on the same grid. */
    public RealField copy() {
        return new RealField(grid, values.clone());
    }

    /** ∫ f dV = Σ f_j dV. */
    public double integral() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum * grid.volumeElement();
    }

    /** ∫ f g dV. */
    public double dot(RealField other) {
        requireSameGrid(other);
        double sum = 0;
        double[] w = other.values;
        for (int j = 0; j < values.length; j++) {
            sum += values[j] * w[j];
        }
        return sum * grid.volumeElement();
    }

    /** L² norm (∫ f² dV)^½. */
    public double normL2() {
        return Math.sqrt(dot(this));
    }

    /** L¹ norm ∫ |f| dV. */
    public double normL1() {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum * grid.volumeElement();
    }

    /** max_j |f_j|. */
    public double maxAbs() {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    public double min() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** this ← this + alpha·other. */
    public RealField addScaledInPlace(double alpha, RealField other) {
        requireSameGrid(other);
        double[] w = other.values;
        for (int j = 0; j < values.length; j++) {
            values[j] += alpha * w[j];
        }
        return this;
    }

    /** this ← alpha·this. */
    public RealField scaleInPlace(double alpha) {
        for (int j = 0; j < values.length; j++) {
            values[j] *= alpha;
        }
        return this;
    }

    /** this ← other (values copied). */
    public RealField setInPlace(RealField other) {
        requireSameGrid(other);
        System.arraycopy(other.values, 0, values, 0, values.length);
        return this;
    }

    /** this + other, a new field. */
    public RealField plus(RealField other) {
        return copy().addScaledInPlace(1.0, other);
    }

    /** this − other, a new field. */
    public RealField minus(RealField other) {
        return copy().addScaledInPlace(-1.0, other);
    }

    /** alpha·this, a new field. */
    public RealField times(double alpha) {
        return copy().scaleInPlace(alpha);
    }

    /** Pointwise product, a new field. */
    public RealField times(RealField other) {
        requireSameGrid(other);
        double[] out = new double[values.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = values[j] * other.values[j];
        }
        return new RealField(grid, out);
    }

    /** Throws if {@code other} lives on a different grid. */
    public void requireSameGrid(RealField other) {
        if (!grid.equals(other.grid)) {
            throw new IllegalArgumentException("fields live on different grids: " + grid + " and " + other.grid);
        }
    }

    @Override
    public String toString() {
        return "RealField[" + values.length + " values on " + grid + "]";
    }
}
