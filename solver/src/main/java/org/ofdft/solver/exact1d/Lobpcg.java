package org.ofdft.solver.exact1d;

/**
 * The lowest eigenpair of a large symmetric operator by the locally optimal block preconditioned
 * conjugate gradient method with block size one (A. V. Knyazev, SIAM J. Sci. Comput. 23, 517 (2001),
 * Algorithm 4.1): each step minimizes the Rayleigh quotient over span{x, T r, p}, r = Hx − λx the
 * residual, T the preconditioner and p the previous step direction, by Rayleigh–Ritz on that
 * three-dimensional space. The basis is orthonormalized (Gram–Schmidt, twice) before Rayleigh–Ritz and
 * a direction that has lost more than all but 1e-10 of its length to the others is dropped (the
 * stabilization of Hetmaniuk and Lehoucq, J. Comput. Phys. 218, 324 (2006), in its simplest form). Hx and
 * Hp are carried along as linear combinations and Hx is recomputed from x every {@value #REFRESH}
 * steps and before convergence is declared, so that round-off cannot accumulate in the residual.
 *
 * <p>A projector (here: onto exchange-symmetric arrays) is applied to every new direction, which keeps the
 * iteration in an invariant subspace of H. No N-sized array is allocated per iteration (only the 3×3
 * Rayleigh–Ritz scratch); not thread-safe.
 */
final class Lobpcg {

    /** y ← A x. */
    @FunctionalInterface
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /** In-place projection onto an invariant subspace of the operator. */
    @FunctionalInterface
    interface Projector {
        void project(double[] x);
    }

    /** The outcome: Rayleigh quotient, Euclidean residual norm ‖Hx − λx‖ (x of unit length), steps. */
    record Outcome(double eigenvalue, double residualNorm, int iterations, boolean converged) {
    }

    private static final int REFRESH = 20;
    private static final double DROP = 1e-10;

    private final int size;
    private final double[] hx;
    private final double[] w;
    private final double[] hw;
    private final double[] p;
    private final double[] hp;
    private final double[] residual;

    Lobpcg(int size) {
        this.size = size;
        this.hx = new double[size];
        this.w = new double[size];
        this.hw = new double[size];
        this.p = new double[size];
        this.hp = new double[size];
        this.residual = new double[size];
    }

    /**
     * Refines {@code x} (start vector in, eigenvector of unit Euclidean length out) until
     * ‖Hx − λx‖ ≤ {@code tolerance} or {@code maxIterations} steps.
     */
    Outcome lowest(Operator h, Operator preconditioner, Projector projector, double[] x, double tolerance,
                   int maxIterations) {
        projector.project(x);
        scale(x, 1.0 / norm(x));
        h.apply(x, hx);
        double lambda = dot(x, hx);
        boolean haveP = false;
        double[][] gram = new double[3][3];
        double[] coefficients = new double[3];
        double residualNorm = Double.NaN;
        int iteration = 0;
        int sinceRefresh = 0;
        while (true) {
            for (int k = 0; k < size; k++) {
                residual[k] = hx[k] - lambda * x[k];
            }
            residualNorm = norm(residual);
            if (residualNorm <= tolerance || iteration >= maxIterations) {
                if (sinceRefresh == 0) {
                    return new Outcome(lambda, residualNorm, iteration, residualNorm <= tolerance);
                }
                // verify with a freshly computed Hx before accepting (or giving up)
                h.apply(x, hx);
                lambda = dot(x, hx);
                sinceRefresh = 0;
                continue;
            }
            iteration++;
            preconditioner.apply(residual, w);
            projector.project(w);
            double wNorm = orthonormalize(w, x);
            if (!(wNorm > 0)) {
                return new Outcome(lambda, residualNorm, iteration, false);
            }
            h.apply(w, hw);
            int dimension = 2;
            if (haveP) {
                // p ← (p − (x·p)x − (w·p)w)/‖·‖, and Hp alike
                for (int pass = 0; pass < 2 && haveP; pass++) {
                    double before = norm(p);
                    double ax = dot(x, p);
                    double aw = dot(w, p);
                    for (int k = 0; k < size; k++) {
                        p[k] -= ax * x[k] + aw * w[k];
                        hp[k] -= ax * hx[k] + aw * hw[k];
                    }
                    double after = norm(p);
                    if (!(after > DROP * before)) {
                        haveP = false;
                    } else {
                        scale(p, 1.0 / after);
                        scale(hp, 1.0 / after);
                    }
                }
                if (haveP) {
                    dimension = 3;
                }
            }
            double[][] basis = {x, w, p};
            double[][] images = {hx, hw, hp};
            for (int a = 0; a < dimension; a++) {
                for (int b = a; b < dimension; b++) {
                    double g = 0.5 * (dot(basis[a], images[b]) + dot(basis[b], images[a]));
                    gram[a][b] = g;
                    gram[b][a] = g;
                }
            }
            double theta = SmallSymmetricEigen.lowest(gram, dimension, coefficients);
            double cx = coefficients[0];
            double cw = coefficients[1];
            double cp = dimension == 3 ? coefficients[2] : 0.0;
            for (int k = 0; k < size; k++) {
                double direction = cw * w[k] + (dimension == 3 ? cp * p[k] : 0.0);
                double hDirection = cw * hw[k] + (dimension == 3 ? cp * hp[k] : 0.0);
                p[k] = direction;
                hp[k] = hDirection;
                x[k] = cx * x[k] + direction;
                hx[k] = cx * hx[k] + hDirection;
            }
            haveP = true;
            projector.project(x);
            double xNorm = norm(x);
            scale(x, 1.0 / xNorm);
            scale(hx, 1.0 / xNorm);
            lambda = theta;
            if (++sinceRefresh >= REFRESH) {
                h.apply(x, hx);
                lambda = dot(x, hx);
                sinceRefresh = 0;
            }
        }
    }

    /**
     * v ← (v − (x·v)x)/‖·‖ (twice, classical Gram–Schmidt with reorthogonalization); returns the final
     * norm before scaling, 0 if v had nothing left.
     */
    private double orthonormalize(double[] v, double[] x) {
        double length = norm(v);
        for (int pass = 0; pass < 2; pass++) {
            double a = dot(x, v);
            for (int k = 0; k < size; k++) {
                v[k] -= a * x[k];
            }
        }
        double after = norm(v);
        if (!(after > DROP * length)) {
            return 0.0;
        }
        scale(v, 1.0 / after);
        return after;
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private void scale(double[] a, double factor) {
        for (int k = 0; k < size; k++) {
            a[k] *= factor;
        }
    }
}
