package org.ofdft.solver.ks1d;

/**
 * Reduction of a symmetric band matrix to a similar symmetric tridiagonal matrix T = QᵀAQ by Givens
 * rotations (H. R. Schwarz, "Tridiagonalization of a symmetric band matrix", Numer. Math. 12, 231 (1968);
 * Handbook for Automatic Computation II, contribution II/8; LAPACK {@code dsbtrd} is a blocked variant).
 *
 * <p>The bandwidth is lowered by one per sweep, b = p, p−1, …, 2. In a sweep, the element A_{j,j+b} of
 * each row j is annihilated by a rotation in the plane (j+b−1, j+b); the rotation creates one element
 * ("bulge") at distance b+1 from the diagonal, at (j+b−1, j+2b), which the next rotation, in the plane
 * (j+2b−1, j+2b), annihilates, moving it b rows further down, and so on off the end of the matrix. Every
 * rotation is an orthogonal similarity, so the eigenvalues are preserved to a backward error of a modest
 * multiple of ε‖A‖ (Wilkinson, The Algebraic Eigenvalue Problem (1965) §3.21); Q itself is not kept (the
 * eigenvectors are computed from A directly). Work: about N²/(2b) rotations of O(b) flops in the sweep of
 * bandwidth b, O(N² p) in all; storage N(p+2).
 *
 * <p>Why not count eigenvalues with an unpivoted LDLᵀ of the band matrix directly (O(Np²) per shift)? By
 * Sylvester's law its negative pivots count the eigenvalues below σ, and for p = 1 (the Sturm sequence)
 * that count is backward stable whatever the pivots (Kahan 1966). For p ≥ 2 it is not: a small pivot
 * d_i ≈ δ inflates the next rows' Schur complement by a rank-one term of size 1/δ whose rounding errors,
 * ε‖A‖²/δ, swamp the rest, and small pivots are certain near the end of a bisection (σ − λ → 0 makes a
 * leading block nearly singular whenever the eigenvector is localized). Measured on the periodic 3-point
 * Hamiltonian in folded order (p = 2, ‖A‖ = 82): counts not monotone in σ within 1e-9 of a double
 * eigenvalue, eigenvalues off by 2e-10 — about √ε‖A‖, not ε‖A‖. After this reduction the tridiagonal
 * Sturm count is exact to ε‖A‖ and costs O(N) per shift.
 */
final class BandTridiagonalization {

    private final int size;
    private final int halfBandwidth;
    /** Upper band with one extra diagonal for the bulge: work[i·(p+2) + k] = A_{i,i+k}, k = 0..p+1. */
    private final double[] work;
    private final int stride;

    BandTridiagonalization(int size, int halfBandwidth) {
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        this.stride = halfBandwidth + 2;
        this.work = new double[size * stride];
    }

    /**
     * Writes the diagonal d (length N) and off-diagonal e (e[i] = T_{i,i+1}, length N; e[N−1] = 0) of a
     * tridiagonal matrix similar to {@code a}.
     */
    void reduce(SymmetricBandMatrix a, double[] diagonal, double[] offDiagonal) {
        int n = size;
        int p = a.halfBandwidth();
        if (p > halfBandwidth) {
            throw new IllegalArgumentException("matrix half bandwidth " + p + " exceeds " + halfBandwidth);
        }
        double[] band = a.band();
        if (p <= 1) {
            for (int i = 0; i < n; i++) {
                diagonal[i] = band[i * (p + 1)];
                offDiagonal[i] = p == 1 && i + 1 < n ? band[i * 2 + 1] : 0.0;
            }
            return;
        }
        java.util.Arrays.fill(work, 0.0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= p && i + k < n; k++) {
                work[i * stride + k] = band[i * (p + 1) + k];
            }
        }
        for (int b = p; b >= 2; b--) {
            int reach = b + 1;
            for (int j = 0; j + b < n; j++) {
                int r = j + b;
                double y = work[j * stride + b];
                if (y == 0.0) {
                    continue;
                }
                double x = work[j * stride + b - 1];
                rotateToZero(j, r, x, y, reach);
                // Chase the bulge at (u, u + b + 1) down the band.
                int u = r - 1;
                int m = r + b;
                while (m < n) {
                    double bulge = work[u * stride + b + 1];
                    if (bulge == 0.0) {
                        break;
                    }
                    rotateToZero(u, m, work[u * stride + b], bulge, reach);
                    u = m - 1;
                    m += b;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            diagonal[i] = work[i * stride];
            offDiagonal[i] = i + 1 < n ? work[i * stride + 1] : 0.0;
        }
    }

    /**
     * Rotation G = [[c, s], [−s, c]] in the plane (v−1, v), c = x/ρ, s = y/ρ, ρ = √(x² + y²), applied as
     * A ← G A Gᵀ to rows and columns v−1, v; it zeroes A_{t,v} where x = A_{t,v−1} and y = A_{t,v}. Only
     * entries within {@code reach} of the diagonal are touched (the band plus the bulge).
     */
    private void rotateToZero(int t, int v, double x, double y, int reach) {
        // √(x² + y²); Math.hypot (over/underflow-safe but slow) only where the squares could leave range.
        double big = Math.max(Math.abs(x), Math.abs(y));
        double rho = big < 1e150 && big > 1e-150 ? Math.sqrt(x * x + y * y) : Math.hypot(x, y);
        double inverse = 1.0 / rho;
        double c = x * inverse;
        double s = y * inverse;
        int u = v - 1;
        int n = size;
        int w = stride;
        // Rows above: pairs (A_{i,u}, A_{i,v}) for i < u.
        for (int i = Math.max(0, v - reach); i < u; i++) {
            int base = i * w;
            double au = work[base + (u - i)];
            double av = work[base + (v - i)];
            work[base + (u - i)] = c * au + s * av;
            work[base + (v - i)] = -s * au + c * av;
        }
        // The 2×2 block.
        double auu = work[u * w];
        double auv = work[u * w + 1];
        double avv = work[v * w];
        double cc = c * c;
        double ss = s * s;
        double cs = c * s;
        work[u * w] = cc * auu + 2 * cs * auv + ss * avv;
        work[v * w] = ss * auu - 2 * cs * auv + cc * avv;
        work[u * w + 1] = (cc - ss) * auv + cs * (avv - auu);
        // Columns to the right: pairs (A_{u,i}, A_{v,i}) for i > v.
        int last = Math.min(n - 1, u + reach);
        for (int i = v + 1; i <= last; i++) {
            double au = work[u * w + (i - u)];
            double av = work[v * w + (i - v)];
            work[u * w + (i - u)] = c * au + s * av;
            work[v * w + (i - v)] = -s * au + c * av;
        }
        work[t * w + (v - t)] = 0.0;
    }
}
