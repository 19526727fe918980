package org.ofdft.solver.ks1d;

import java.util.Arrays;

/**
 * A real symmetric N×N band matrix of half bandwidth p: A_ij = 0 for |i − j| &gt; p. The upper band is
 * stored by rows, {@code band[i·(p+1) + k] = A_{i,i+k}} for k = 0..p (entries with i + k ≥ N are zero and
 * never read), the layout of LAPACK's lower band storage transposed; the lower band follows by symmetry.
 */
public final class SymmetricBandMatrix {

    private final int size;
    private final int halfBandwidth;
    private final double[] band;

    public SymmetricBandMatrix(int size, int halfBandwidth) {
        if (size < 1) {
            throw new IllegalArgumentException("a band matrix needs at least one row, got " + size);
        }
        if (halfBandwidth < 0) {
            throw new IllegalArgumentException("half bandwidth must be non-negative, got " + halfBandwidth);
        }
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        this.band = new double[size * (halfBandwidth + 1)];
    }

    public int size() {
        return size;
    }

    /** p: A_ij = 0 for |i − j| &gt; p. */
    public int halfBandwidth() {
        return halfBandwidth;
    }

    /** The backing upper-band array, {@code A_{i,i+k}} at {@code i·(p+1) + k} (shared, not copied). */
    public double[] band() {
        return band;
    }

    /** A_ij (zero outside the band). */
    public double get(int i, int j) {
        int lo = Math.min(i, j);
        int k = Math.abs(i - j);
        if (i < 0 || j < 0 || i >= size || j >= size) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + size + "×" + size + " matrix");
        }
        return k > halfBandwidth ? 0.0 : band[lo * (halfBandwidth + 1) + k];
    }

    /** A_ij = A_ji ← value. */
    public void set(int i, int j, double value) {
        band[index(i, j)] = value;
    }

    /** A_ij = A_ji ← A_ij + value (a symmetric pair is updated once). */
    public void add(int i, int j, double value) {
        band[index(i, j)] += value;
    }

    private int index(int i, int j) {
        if (i < 0 || j < 0 || i >= size || j >= size) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + size + "×" + size + " matrix");
        }
        int k = Math.abs(i - j);
        if (k > halfBandwidth) {
            throw new IllegalArgumentException("(" + i + ", " + j + ") is outside the band of half width "
                    + halfBandwidth);
        }
        return Math.min(i, j) * (halfBandwidth + 1) + k;
    }

    /** Sets every entry to zero. */
    public void clear() {
        Arrays.fill(band, 0.0);
    }

    /** y ← A x ({@code y} must not be {@code x}). */
    public void multiply(double[] x, double[] y) {
        int p = halfBandwidth;
        int w = p + 1;
        for (int i = 0; i < size; i++) {
            y[i] = band[i * w] * x[i];
        }
        for (int i = 0; i < size; i++) {
            int row = i * w;
            double xi = x[i];
            double sum = 0;
            int kMax = Math.min(p, size - 1 - i);
            for (int k = 1; k <= kMax; k++) {
                double a = band[row + k];
                sum += a * x[i + k];
                y[i + k] += a * xi;
            }
            y[i] += sum;
        }
    }

    /** Σ_{j≠i} |A_ij|, the Gershgorin radius of row i. */
    private double offDiagonalRowSum(int i) {
        int p = halfBandwidth;
        int w = p + 1;
        double sum = 0;
        for (int k = 1; k <= p; k++) {
            if (i + k < size) {
                sum += Math.abs(band[i * w + k]);
            }
            if (i - k >= 0) {
                sum += Math.abs(band[(i - k) * w + k]);
            }
        }
        return sum;
    }

    /**
     * Gershgorin bounds of the spectrum: every eigenvalue lies in
     * [min_i (A_ii − r_i), max_i (A_ii + r_i)], r_i = Σ_{j≠i} |A_ij|. Writes {lower, upper} into {@code out}.
     */
    public void gershgorinBounds(double[] out) {
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        int w = halfBandwidth + 1;
        for (int i = 0; i < size; i++) {
            double r = offDiagonalRowSum(i);
            double d = band[i * w];
            lower = Math.min(lower, d - r);
            upper = Math.max(upper, d + r);
        }
        out[0] = lower;
        out[1] = upper;
    }

    /** ‖A‖_∞ = max_i Σ_j |A_ij| (equal to ‖A‖₁ by symmetry), an upper bound of the spectral radius. */
    public double normInf() {
        double max = 0;
        int w = halfBandwidth + 1;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, Math.abs(band[i * w]) + offDiagonalRowSum(i));
        }
        return max;
    }

    /** The full matrix (for tests and dense fallbacks). */
    public double[][] toDense() {
        double[][] dense = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = Math.max(0, i - halfBandwidth); j <= Math.min(size - 1, i + halfBandwidth); j++) {
                dense[i][j] = get(i, j);
            }
        }
        return dense;
    }
}
