package org.ofdft.solver.ks1d;

/**
 * P(A − σI) = LU of a symmetric band matrix shifted by σ, by Gaussian elimination with partial pivoting
 * (row interchanges), for the linear solves of inverse iteration. A − σI is indefinite and nearly singular
 * there, so pivoting is needed for stability (LDLᵀ without pivoting is not backward stable for indefinite
 * matrices); the interchanges widen U's band from p to 2p, so U has 2p + 1 entries per row and the cost
 * is O(N p²) per factorization and O(N p) per solve.
 *
 * <p>Storage follows Martin and Wilkinson's {@code bandet}/{@code bansol} (Numer. Math. 9, 279 (1967);
 * also LAPACK {@code dgbtrf}): rows are kept left-justified, so that at step k the candidate pivot rows
 * k..k+p all start at column k, and each elimination shifts the updated row one place left. A pivot below
 * {@code tiny} in magnitude is replaced by ±tiny (inverse iteration at a shift equal to an eigenvalue
 * needs a factorization of an exactly singular matrix to go through: the huge solution is what it wants).
 * Not thread-safe: one instance owns its workspace.
 */
final class BandLuFactorization {

    private final int size;
    private final int halfBandwidth;
    private final int width;
    private final double[] upper;
    private final double[] multipliers;
    private final int[] pivotRows;

    BandLuFactorization(int size, int halfBandwidth) {
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        this.width = 2 * halfBandwidth + 1;
        this.upper = new double[size * width];
        this.multipliers = new double[size * Math.max(halfBandwidth, 1)];
        this.pivotRows = new int[size];
    }

    /** Factors A − σI; {@code a} must have this factorization's size and at most its half bandwidth. */
    void factor(SymmetricBandMatrix a, double sigma, double tiny) {
        int n = size;
        int p = halfBandwidth;
        int w = width;
        int ap = a.halfBandwidth();
        double[] band = a.band();
        // Row i holds columns max(0, i − p) .. i + p, left-justified, zero-filled on the right.
        for (int i = 0; i < n; i++) {
            int start = Math.max(0, i - p);
            int row = i * w;
            for (int t = 0; t < w; t++) {
                int column = start + t;
                double value = 0.0;
                int offset = column - i;
                if (column < n && Math.abs(offset) <= ap) {
                    int lo = Math.min(i, column);
                    value = band[lo * (ap + 1) + Math.abs(offset)];
                    if (offset == 0) {
                        value -= sigma;
                    }
                }
                upper[row + t] = value;
            }
        }
        for (int k = 0; k < n; k++) {
            int last = Math.min(k + p, n - 1);
            int pivot = k;
            double largest = Math.abs(upper[k * w]);
            for (int r = k + 1; r <= last; r++) {
                double candidate = Math.abs(upper[r * w]);
                if (candidate > largest) {
                    largest = candidate;
                    pivot = r;
                }
            }
            pivotRows[k] = pivot;
            if (pivot != k) {
                int rk = k * w;
                int rp = pivot * w;
                for (int t = 0; t < w; t++) {
                    double swap = upper[rk + t];
                    upper[rk + t] = upper[rp + t];
                    upper[rp + t] = swap;
                }
            }
            int rk = k * w;
            double d = upper[rk];
            if (Math.abs(d) < tiny) {
                d = d < 0 ? -tiny : tiny;
                upper[rk] = d;
            }
            for (int r = k + 1; r <= last; r++) {
                int rr = r * w;
                double m = upper[rr] / d;
                multipliers[k * p + (r - k - 1)] = m;
                for (int t = 1; t < w; t++) {
                    upper[rr + t - 1] = upper[rr + t] - m * upper[rk + t];
                }
                upper[rr + w - 1] = 0.0;
            }
        }
    }

    /** |U_{N−1,N−1}|, the last pivot (small when σ is close to an eigenvalue). */
    double lastPivotMagnitude() {
        return Math.abs(upper[(size - 1) * width]);
    }

    /** b ← (A − σI)⁻¹ b, in place. */
    void solve(double[] b) {
        int n = size;
        int p = halfBandwidth;
        int w = width;
        for (int k = 0; k < n; k++) {
            int q = pivotRows[k];
            if (q != k) {
                double swap = b[k];
                b[k] = b[q];
                b[q] = swap;
            }
            double bk = b[k];
            int last = Math.min(k + p, n - 1);
            for (int r = k + 1; r <= last; r++) {
                b[r] -= multipliers[k * p + (r - k - 1)] * bk;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int row = i * w;
            double sum = b[i];
            int tMax = Math.min(w - 1, n - 1 - i);
            for (int t = 1; t <= tMax; t++) {
                sum -= upper[row + t] * b[i + t];
            }
            b[i] = sum / upper[row];
        }
    }
}
