package org.ofdft.solver.exact1d;

/**
 * A = L D Lᵀ of a symmetric positive definite band matrix (half bandwidth p, L unit lower triangular
 * with the same band), O(Np²) to factor and O(Np) per solve; no pivoting, which is backward stable for
 * positive definite matrices (G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed., §4.3.5).
 * Solves one vector, or all rows of an N×M row-major array at once (the recursion runs over rows, each
 * step an axpy over a contiguous row).
 */
final class BandCholesky {

    private final int size;
    private final int halfBandwidth;
    /** L_{i,i−d} at i·p + d − 1, d = 1..p. */
    private final double[] lower;
    private final double[] inverseDiagonal;

    /**
     * @param dense the symmetric positive definite matrix by its entries A_ij = entry(i, j) (only
     *              |i − j| ≤ p is read)
     */
    BandCholesky(int size, int halfBandwidth, MatrixEntries dense) {
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        int p = halfBandwidth;
        this.lower = new double[size * Math.max(p, 1)];
        double[] diagonal = new double[size];
        this.inverseDiagonal = new double[size];
        for (int i = 0; i < size; i++) {
            for (int j = Math.max(0, i - p); j < i; j++) {
                double sum = dense.entry(i, j);
                for (int k = Math.max(0, i - p); k < j; k++) {
                    sum -= lowerAt(i, k) * diagonal[k] * lowerAt(j, k);
                }
                lower[i * p + (i - j) - 1] = sum / diagonal[j];
            }
            double d = dense.entry(i, i);
            for (int k = Math.max(0, i - p); k < i; k++) {
                double l = lowerAt(i, k);
                d -= l * l * diagonal[k];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + d + " at row " + i + ")");
            }
            diagonal[i] = d;
            inverseDiagonal[i] = 1.0 / d;
        }
    }

    /** Entries of a symmetric matrix. */
    @FunctionalInterface
    interface MatrixEntries {
        double entry(int i, int j);
    }

    private double lowerAt(int i, int j) {
        int d = i - j;
        if (d <= 0 || d > halfBandwidth) {
            return 0.0;
        }
        return lower[i * halfBandwidth + d - 1];
    }

    /** x ← A⁻¹x for the N consecutive entries of {@code x} from {@code offset}. */
    void solve(double[] x, int offset) {
        int n = size;
        int p = halfBandwidth;
        for (int i = 0; i < n; i++) {
            double sum = x[offset + i];
            for (int d = 1; d <= Math.min(p, i); d++) {
                sum -= lower[i * p + d - 1] * x[offset + i - d];
            }
            x[offset + i] = sum;
        }
        for (int i = 0; i < n; i++) {
            x[offset + i] *= inverseDiagonal[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[offset + i];
            for (int d = 1; d <= Math.min(p, n - 1 - i); d++) {
                sum -= lower[(i + d) * p + d - 1] * x[offset + i + d];
            }
            x[offset + i] = sum;
        }
    }

    /**
     * Y ← A⁻¹ Y for an N×M row-major array Y (A acting on the row index): the same recursion with rows of
     * length M in place of numbers.
     */
    void solveRows(double[] y, int columns) {
        int n = size;
        int p = halfBandwidth;
        for (int i = 0; i < n; i++) {
            int row = i * columns;
            for (int d = 1; d <= Math.min(p, i); d++) {
                double l = lower[i * p + d - 1];
                int other = row - d * columns;
                for (int j = 0; j < columns; j++) {
                    y[row + j] -= l * y[other + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int row = i * columns;
            double s = inverseDiagonal[i];
            for (int j = 0; j < columns; j++) {
                y[row + j] *= s;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int row = i * columns;
            for (int d = 1; d <= Math.min(p, n - 1 - i); d++) {
                double l = lower[(i + d) * p + d - 1];
                int other = row + d * columns;
                for (int j = 0; j < columns; j++) {
                    y[row + j] -= l * y[other + j];
                }
            }
        }
    }
}
