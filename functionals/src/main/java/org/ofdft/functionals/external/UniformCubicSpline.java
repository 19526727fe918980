package org.ofdft.functionals.external;

import java.util.Arrays;

/**
 * The cubic spline interpolant of values y_k at equally spaced abscissae x_k = x₀ + k·h (k = 0 … m−1,
 * m ≥ 4) with the not-a-knot end conditions (the third derivative is continuous at x₁ and x_{m−2}). This is
 * the interpolant that SciPy's {@code splrep(x, y, k=3, s=0)} / FITPACK builds (knots x₀ ×4, x₂ … x_{m−3},
 * x_{m−1} ×4), which DFTpy uses for pseudopotential form factors, written in second-derivative (moment)
 * form: on [x_k, x_{k+1}] with t = (x − x_k)/h,
 * <pre>
 *   S(x) = (1−t) y_k + t y_{k+1} + (h²/6) [((1−t)³ − (1−t)) M_k + (t³ − t) M_{k+1}],
 *   M_{k−1} + 4 M_k + M_{k+1} = 6 (y_{k−1} − 2 y_k + y_{k+1}) / h²   (k = 1 … m−2),
 *   M₀ − 2M₁ + M₂ = 0,  M_{m−3} − 2M_{m−2} + M_{m−1} = 0            (not-a-knot).
 * </pre>
 * Eliminating M₀ and M_{m−1} leaves a tridiagonal system whose first and last rows read 6M₁ = r₁ and
 * 6M_{m−2} = r_{m−2}; it is solved once in the constructor (de Boor, A Practical Guide to Splines, ch. IV).
 * Immutable.
 */
public final class UniformCubicSpline {

    private final double origin;
    private final double spacing;
    private final double[] values;
    private final double[] moments;

    /**
     * @param origin  x₀
     * @param spacing h &gt; 0
     * @param values  y₀ … y_{m−1}, m ≥ 4 (copied)
     */
    public UniformCubicSpline(double origin, double spacing, double[] values) {
        if (!(spacing > 0) || !Double.isFinite(spacing) || !Double.isFinite(origin)) {
            throw new IllegalArgumentException("spline needs a finite origin and a positive spacing, got x0 = "
                    + origin + ", h = " + spacing);
        }
        if (values.length < 4) {
            throw new IllegalArgumentException("a not-a-knot cubic spline needs at least 4 points, got "
                    + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("spline value " + k + " is not finite: " + values[k]);
            }
        }
        this.origin = origin;
        this.spacing = spacing;
        this.values = values.clone();
        this.moments = solveMoments(this.values, spacing);
    }

    private static double[] solveMoments(double[] y, double h) {
        int m = y.length;
        double[] moments = new double[m];
        double scale = 6 / (h * h);
        // Unknowns M_1 … M_{m−2}; rows k = 1 … m−2; sub/super diagonals 1, diagonal 4, except the
        // first row (6, 0) and the last row (0, 6) after eliminating M_0 and M_{m−1}.
        int n = m - 2;
        double[] diagonal = new double[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i + 1;
            rhs[i] = scale * (y[k - 1] - 2 * y[k] + y[k + 1]);
            diagonal[i] = 4;
            upper[i] = 1;
            lower[i] = 1;
        }
        diagonal[0] = 6;
        upper[0] = 0;
        diagonal[n - 1] = 6;
        lower[n - 1] = 0;
        // Thomas algorithm (diagonally dominant: stable without pivoting).
        for (int i = 1; i < n; i++) {
            double factor = lower[i] / diagonal[i - 1];
            diagonal[i] -= factor * upper[i - 1];
            rhs[i] -= factor * rhs[i - 1];
        }
        double[] interior = new double[n];
        interior[n - 1] = rhs[n - 1] / diagonal[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            interior[i] = (rhs[i] - upper[i] * interior[i + 1]) / diagonal[i];
        }
        System.arraycopy(interior, 0, moments, 1, n);
        moments[0] = 2 * moments[1] - moments[2];
        moments[m - 1] = 2 * moments[m - 2] - moments[m - 3];
        return moments;
    }

    /** x₀. */
    public double origin() {
        return origin;
    }

    /** h. */
    public double spacing() {
        return spacing;
    }

    /** Number of points m. */
    public int size() {
        return values.length;
    }

    /** The last abscissa x₀ + (m−1)h. */
    public double end() {
        return origin + (values.length - 1) * spacing;
    }

    /** S(x); outside [x₀, x_{m−1}] the end polynomials are extrapolated. */
    public double value(double x) {
        double u = (x - origin) / spacing;
        int k = (int) Math.floor(u);
        if (k < 0) {
            k = 0;
        } else if (k > values.length - 2) {
            k = values.length - 2;
        }
        double t = u - k;
        double s = 1 - t;
        return s * values[k] + t * values[k + 1]
                + spacing * spacing / 6 * ((s * s * s - s) * moments[k] + (t * t * t - t) * moments[k + 1]);
    }

    /** The tabulated values (a copy). */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "UniformCubicSpline[" + values.length + " points on [" + origin + ", " + end() + "]]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UniformCubicSpline that && origin == that.origin && spacing == that.spacing
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Double.hashCode(spacing);
    }
}
