package org.ofdft.solver.ks1d;

/**
 * The lowest k eigenpairs of a real symmetric band matrix (half bandwidth p): Sturm-sequence bisection
 * for the eigenvalues, inverse iteration with banded LU for the eigenvectors.
 *
 * <h2>Eigenvalues: bisection on the inertia</h2>
 * For p ≤ 1 the matrix is tridiagonal; for p ≥ 2 it is first reduced to a similar tridiagonal T by Givens
 * rotations ({@link BandTridiagonalization}, O(N²p) once per matrix; its comment explains why the inertia
 * of an unpivoted banded LDLᵀ, O(Np²) per shift, is not accurate enough for p ≥ 2). For a shift σ the
 * Sturm sequence of T = tridiag(e, d, e),
 * <pre>
 *   q_0 = d_0 − σ,   q_i = d_i − σ − e_{i−1}² / q_{i−1},
 * </pre>
 * the pivots of T − σI = LDLᵀ, has as many negative terms as T has eigenvalues below σ (Sylvester's law
 * of inertia); it is backward stable whatever the pivots (W. Kahan, 1966; J. W. Demmel, Applied Numerical
 * Linear Algebra (SIAM 1997) §5.3.4), with a zero pivot replaced by −pivmin as in LAPACK {@code dstebz}.
 * Bisection on this count brackets each wanted eigenvalue λ_j (λ_j ∈ [lo_j, hi_j) with
 * ν(lo_j) ≤ j &lt; ν(hi_j)) down to 2ε‖A‖ + 2ε|λ_j|, the backward-error limit of any method; every count also
 * narrows the brackets of the other wanted eigenvalues (as in {@code dstebz}). W. Barth, R. S. Martin,
 * J. H. Wilkinson, Numer. Math. 9, 386 (1967).
 *
 * <h2>Eigenvectors: inverse iteration</h2>
 * With σ the bisected eigenvalue, solve (A − σI) x_{k+1} = s·x_k by banded LU with partial pivoting
 * ({@link BandLuFactorization}), following LAPACK {@code dstein}: pseudo-random start vector, each
 * right-hand side scaled to ‖b‖₁ = N‖A‖₁·max(ε, |u_NN|), accepted after the solution's largest entry has
 * reached √(0.1/N) on three iterations (at most five iterations in all; one solve usually suffices to
 * reach it, as σ is within ε‖A‖ of λ). Eigenvalues within 10⁻³‖A‖ of the previous one form a cluster,
 * whose vectors are Gram–Schmidt re-orthogonalized against the earlier vectors of the cluster after every
 * solve; shifts closer than 10·ε·‖A‖ are pushed apart by that amount so that (numerically) degenerate
 * eigenvalues get independent vectors. J. H. Wilkinson, The Algebraic
 * Eigenvalue Problem (1965) ch. 9; I. C. F. Ipsen, SIAM Review 39, 254 (1997).
 *
 * <h2>Periodic (cyclic band) matrices</h2>
 * The periodic finite-difference Hamiltonian couples the first and last p points. Reordering the points
 * as 0, N−1, 1, N−2, 2, … ("folding" the ring) turns it into an ordinary band matrix of half bandwidth 2p
 * (so even the 3-point stencil goes through the tridiagonal reduction), with no dense fallback needed;
 * see {@link FiniteDifferenceHamiltonian1D}.
 *
 * <h2>Cost</h2>
 * The tridiagonal reduction (p ≥ 2 only) O(N²p) once; about 45 Sturm counts of O(N) per eigenvalue from a
 * cold start (about 20 with {@code guesses} within 1e-10‖A‖); one banded LU (O(Np²)) and three solves (O(Np)) per
 * eigenvector. Measured once (JDK 17, 2-core VM, not a test), lowest 4 pairs of the dft1d Hamiltonian
 * (box ±20.56, v = −4·A e^{−κ|x|}):
 * <pre>
 *   N = 513,  FD order 2 / 4 / 6:  0.5–0.6 / 1.6 / 2.3–2.7 ms
 *   N = 2049, FD order 2 / 4 / 6:  1.8 / 20 / 32 ms       (orders 4, 6 dominated by the O(N²p) reduction)
 *   Commons Math dense EigenDecomposition (all pairs, O(N³)): 220–250 ms at N = 513, 46–50 s at N = 2049
 * </pre>
 *
 * <p>Instances own their workspace: not thread-safe, and nothing is allocated per call.
 */
public final class BandedSymmetricEigensolver {

    private static final double EPS = Math.ulp(1.0);
    /** LAPACK dstein: iterations in all, and the extra iterations after the growth test first passes. */
    private static final int MAX_ITERATIONS = 5;
    private static final int EXTRA_ITERATIONS = 2;
    /** LAPACK dstein's ORTOL: eigenvalues within 10⁻³‖A‖ are re-orthogonalized. */
    private static final double CLUSTER_TOLERANCE = 1e-3;

    private final int size;
    private final int halfBandwidth;
    private final BandTridiagonalization reduction;
    private final double[] diagonal;
    private final double[] offDiagonalSquared;
    private final BandLuFactorization lu;
    private final double[] bracketLow;
    private final double[] bracketHigh;
    private final double[] bounds = new double[2];
    private int countEvaluations;

    /**
     * A solver for matrices of {@code size} rows and half bandwidth at most {@code halfBandwidth}.
     */
    public BandedSymmetricEigensolver(int size, int halfBandwidth) {
        if (size < 1) {
            throw new IllegalArgumentException("matrix size must be positive, got " + size);
        }
        if (halfBandwidth < 0) {
            throw new IllegalArgumentException("half bandwidth must be non-negative, got " + halfBandwidth);
        }
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        this.reduction = new BandTridiagonalization(size, halfBandwidth);
        this.diagonal = new double[size];
        this.offDiagonalSquared = new double[size];
        this.lu = new BandLuFactorization(size, halfBandwidth);
        this.bracketLow = new double[size];
        this.bracketHigh = new double[size];
    }

    public int size() {
        return size;
    }

    public int halfBandwidth() {
        return halfBandwidth;
    }

    /** Number of Sturm counts done by this instance so far (for cost studies). */
    public int countEvaluations() {
        return countEvaluations;
    }

    /**
     * ν(σ): the number of eigenvalues of A below σ (reduces A to tridiagonal form first when p ≥ 2, so
     * for many shifts of one matrix use {@link #eigenvalues}, which reduces once).
     */
    public int countBelow(SymmetricBandMatrix a, double sigma) {
        check(a);
        double pivmin = prepare(a);
        return countBelow(sigma, pivmin);
    }

    /** Tridiagonal form of A into diagonal / offDiagonalSquared; returns LAPACK's pivmin. */
    private double prepare(SymmetricBandMatrix a) {
        double[] e = offDiagonalSquared;
        reduction.reduce(a, diagonal, e);
        double largest = 1.0;
        for (int i = 0; i < size; i++) {
            e[i] *= e[i];
            largest = Math.max(largest, e[i]);
        }
        return Double.MIN_NORMAL * largest;
    }

    /** Sturm count of the prepared tridiagonal matrix. */
    private int countBelow(double sigma, double pivmin) {
        countEvaluations++;
        double[] d = diagonal;
        double[] e2 = offDiagonalSquared;
        int negative = 0;
        double q = d[0] - sigma;
        if (Math.abs(q) < pivmin) {
            q = -pivmin;
        }
        if (q < 0) {
            negative++;
        }
        for (int i = 1; i < size; i++) {
            q = d[i] - sigma - e2[i - 1] / q;
            if (Math.abs(q) < pivmin) {
                q = -pivmin;
            }
            if (q < 0) {
                negative++;
            }
        }
        return negative;
    }

    /** The lowest {@code count} eigenvalues, ascending, into {@code eigenvalues}. */
    public void eigenvalues(SymmetricBandMatrix a, int count, double[] eigenvalues) {
        eigenvalues(a, count, eigenvalues, null);
    }

    /**
     * The lowest {@code count} eigenvalues, ascending; {@code guesses} (may be null, or shorter than
     * {@code count}) are approximate eigenvalues, e.g. those of the previous SCF iteration: counts at
     * guess ± δ, δ = 1e-10, 1e-7, 1e-4 × (‖A‖ + |guess|) until λ_j is bracketed, narrow the brackets before
     * bisection (a wrong guess costs up to six counts, nothing else).
     */
    public void eigenvalues(SymmetricBandMatrix a, int count, double[] eigenvalues, double[] guesses) {
        check(a);
        checkCount(count, eigenvalues.length);
        double norm = Math.max(a.normInf(), Double.MIN_NORMAL);
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("matrix has NaN or infinite entries");
        }
        double pivmin = prepare(a);
        double tolerance = 2 * EPS * norm;
        a.gershgorinBounds(bounds);
        double low = bounds[0] - 2 * tolerance - pivmin;
        double high = bounds[1] + 2 * tolerance + pivmin;
        for (int j = 0; j < count; j++) {
            bracketLow[j] = low;
            bracketHigh[j] = high;
        }
        if (guesses != null) {
            for (int j = 0; j < Math.min(count, guesses.length); j++) {
                double g = guesses[j];
                if (!Double.isFinite(g) || g <= bracketLow[j] || g >= bracketHigh[j]) {
                    continue;
                }
                // Brackets of half width 1e-10, then 1e-7, then 1e-4 (relative) until one holds λ_j.
                for (double relative = 1e-10; relative < 1e-3; relative *= 1e3) {
                    double delta = relative * (norm + Math.abs(g));
                    narrow(g - delta, 0, count, pivmin);
                    narrow(g + delta, 0, count, pivmin);
                    if (bracketLow[j] >= g - delta && bracketHigh[j] <= g + delta) {
                        break;
                    }
                }
            }
        }
        for (int j = 0; j < count; j++) {
            while (true) {
                double lo = bracketLow[j];
                double hi = bracketHigh[j];
                double mid = 0.5 * (lo + hi);
                if (hi - lo <= tolerance + 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))
                        || mid <= lo || mid >= hi) {
                    break;
                }
                narrow(mid, j, count, pivmin);
            }
            eigenvalues[j] = 0.5 * (bracketLow[j] + bracketHigh[j]);
        }
    }

    /**
     * One count at σ, applied to the brackets of eigenvalues from..count−1: each bracket containing σ
     * shrinks to one side of it (so bisection on bracket {@code from} always progresses).
     */
    private void narrow(double sigma, int from, int count, double pivmin) {
        int below = countBelow(sigma, pivmin);
        for (int j = from; j < count; j++) {
            if (below > j) {
                if (sigma < bracketHigh[j]) {
                    bracketHigh[j] = sigma;
                }
            } else if (sigma > bracketLow[j]) {
                bracketLow[j] = sigma;
            }
        }
    }

    /**
     * The lowest {@code count} eigenpairs: eigenvalues ascending, eigenvectors[j] (length N, unit Euclidean
     * norm, largest component positive) belonging to eigenvalues[j].
     */
    public void lowest(SymmetricBandMatrix a, int count, double[] eigenvalues, double[][] eigenvectors) {
        lowest(a, count, eigenvalues, eigenvectors, null);
    }

    /** As {@link #lowest(SymmetricBandMatrix, int, double[], double[][])}, warm-started from {@code guesses}. */
    public void lowest(SymmetricBandMatrix a, int count, double[] eigenvalues, double[][] eigenvectors,
                       double[] guesses) {
        checkCount(count, eigenvectors.length);
        eigenvalues(a, count, eigenvalues, guesses);
        eigenvectors(a, count, eigenvalues, eigenvectors);
    }

    /**
     * Inverse iteration for the eigenvectors of the given (bisected, ascending) eigenvalues.
     */
    public void eigenvectors(SymmetricBandMatrix a, int count, double[] eigenvalues, double[][] eigenvectors) {
        check(a);
        checkCount(count, eigenvalues.length);
        checkCount(count, eigenvectors.length);
        int n = size;
        double norm = Math.max(a.normInf(), Double.MIN_NORMAL);
        double tiny = EPS * norm;
        double separation = 10 * EPS * norm;
        double clusterWidth = CLUSTER_TOLERANCE * norm;
        double growthTarget = Math.sqrt(0.1 / n);
        double previousShift = Double.NEGATIVE_INFINITY;
        int clusterStart = 0;
        for (int j = 0; j < count; j++) {
            double[] x = eigenvectors[j];
            if (x.length != n) {
                throw new IllegalArgumentException("eigenvector " + j + " has length " + x.length + ", matrix size "
                        + n);
            }
            double shift = eigenvalues[j];
            if (j > 0 && eigenvalues[j] - eigenvalues[j - 1] > clusterWidth) {
                clusterStart = j;
            }
            if (shift - previousShift < separation) {
                shift = previousShift + separation;
            }
            previousShift = shift;
            lu.factor(a, shift, tiny);
            startVector(x, j);
            int checks = 0;
            for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(x[i]);
                }
                double scale = n * norm * Math.max(EPS, lu.lastPivotMagnitude()) / sum;
                for (int i = 0; i < n; i++) {
                    x[i] *= scale;
                }
                lu.solve(x);
                for (int c = clusterStart; c < j; c++) {
                    double[] y = eigenvectors[c];
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += y[i] * x[i];
                    }
                    for (int i = 0; i < n; i++) {
                        x[i] -= dot * y[i];
                    }
                }
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    largest = Math.max(largest, Math.abs(x[i]));
                }
                if (!(largest < Double.POSITIVE_INFINITY)) {
                    throw new ArithmeticException("inverse iteration overflowed for eigenvalue " + eigenvalues[j]
                            + " (does the matrix hold NaN or infinite entries?)");
                }
                if (largest >= growthTarget && ++checks > EXTRA_ITERATIONS) {
                    break;
                }
            }
            normalize(x);
        }
    }

    /** Scales to unit Euclidean norm with the largest-magnitude component positive. */
    private static void normalize(double[] x) {
        double largest = 0;
        int at = 0;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > largest) {
                largest = Math.abs(x[i]);
                at = i;
            }
        }
        // Scale by the largest element first so that the sum of squares cannot overflow.
        double first = x[at] < 0 ? -1.0 / largest : 1.0 / largest;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] *= first;
            sum += x[i] * x[i];
        }
        double second = 1.0 / Math.sqrt(sum);
        for (int i = 0; i < x.length; i++) {
            x[i] *= second;
        }
    }

    /** Deterministic pseudo-random entries in (−1, 1) (xorshift64*), a different sequence per eigenvalue index. */
    private static void startVector(double[] x, int index) {
        long state = 0x9E3779B97F4A7C15L * (index + 1) ^ 0x5DEECE66DL;
        for (int i = 0; i < x.length; i++) {
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            long bits = (state * 0x2545F4914F6CDD1DL) >>> 11;
            x[i] = 2.0 * (bits * 0x1.0p-53) - 1.0;
        }
    }

    private void check(SymmetricBandMatrix a) {
        if (a.size() != size) {
            throw new IllegalArgumentException("matrix has " + a.size() + " rows, the solver was set up for "
                    + size);
        }
        if (a.halfBandwidth() > halfBandwidth) {
            throw new IllegalArgumentException("matrix half bandwidth " + a.halfBandwidth()
                    + " exceeds the solver's " + halfBandwidth);
        }
    }

    private void checkCount(int count, int capacity) {
        if (count < 0 || count > size) {
            throw new IllegalArgumentException("can compute between 0 and " + size + " eigenpairs, asked for "
                    + count);
        }
        if (capacity < count) {
            throw new IllegalArgumentException("output holds " + capacity + " entries, " + count + " requested");
        }
    }
}
