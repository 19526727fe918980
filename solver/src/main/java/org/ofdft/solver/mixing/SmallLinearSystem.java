package org.ofdft.solver.mixing;

/** Gaussian elimination with partial pivoting for the few-by-few systems of the mixers. */
final class SmallLinearSystem {

    /** Pivots below this fraction of the largest |a_ij| count as zero (the system is then singular). */
    private static final double SINGULAR = 1e-13;

    private SmallLinearSystem() {
    }

    /**
     * Solves a x = b for the leading m×m block of {@code a} (overwritten) and the first m entries of
     * {@code b} (overwritten); returns false, leaving {@code x} undefined, if the matrix is singular to
     * working precision or holds non-finite values.
     */
    static boolean solveInPlace(double[][] a, double[] b, int m, double[] x) {
        double scale = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = Math.abs(a[i][j]);
                if (!Double.isFinite(v)) {
                    return false;
                }
                scale = Math.max(scale, v);
            }
        }
        if (!(scale > 0)) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            int pivot = k;
            for (int i = k + 1; i < m; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
                    pivot = i;
                }
            }
            if (!(Math.abs(a[pivot][k]) > SINGULAR * scale)) {
                return false;
            }
            if (pivot != k) {
                double[] row = a[k];
                a[k] = a[pivot];
                a[pivot] = row;
                double t = b[k];
                b[k] = b[pivot];
                b[pivot] = t;
            }
            for (int i = k + 1; i < m; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < m; j++) {
                    a[i][j] -= f * a[k][j];
                }
                b[i] -= f * b[k];
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < m; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }
}
