package org.ofdft.ml.data;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * v(x) = −Σ_i a_i exp(−(x − b_i)²/(2c_i²)): depths a_i, centres b_i, widths c_i (hartree, bohr).
 */
public record GaussianWells(double[] depths, double[] centres, double[] widths) implements DoubleUnaryOperator {

    public GaussianWells {
        if (depths.length != centres.length || depths.length != widths.length) {
            throw new IllegalArgumentException("Gaussian wells need as many depths, centres and widths, got "
                    + depths.length + ", " + centres.length + ", " + widths.length);
        }
        for (int i = 0; i < widths.length; i++) {
            if (!(widths[i] > 0) || !Double.isFinite(depths[i]) || !Double.isFinite(centres[i])) {
                throw new IllegalArgumentException("well " + i + ": width must be positive and depth, centre "
                        + "finite; got a = " + depths[i] + ", b = " + centres[i] + ", c = " + widths[i]);
            }
        }
        depths = depths.clone();
        centres = centres.clone();
        widths = widths.clone();
    }

    /**
     * Snyder et al., PRL 108, 253002 (2012): three wells with a ∈ [1, 10], b ∈ [0.4, 0.6],
     * c ∈ [0.03, 0.1], each uniform. Draws a, b, c for well 1, then well 2, then well 3.
     */
    public static GaussianWells randomSnyder(SplittableRandom random) {
        double[] a = new double[3];
        double[] b = new double[3];
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            a[i] = random.nextDouble(1, 10);
            b[i] = random.nextDouble(0.4, 0.6);
            c[i] = random.nextDouble(0.03, 0.1);
        }
        return new GaussianWells(a, b, c);
    }

    @Override
    public double applyAsDouble(double x) {
        double v = 0;
        for (int i = 0; i < depths.length; i++) {
            double u = (x - centres[i]) / widths[i];
            v -= depths[i] * Math.exp(-0.5 * u * u);
        }
        return v;
    }

    /** The potential at each point. */
    public double[] sample(double[] points) {
        double[] v = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            v[j] = applyAsDouble(points[j]);
        }
        return v;
    }

    /** The parameters as one row (a1 b1 c1 a2 b2 c2 …), for the dataset's {@code potential_parameters}. */
    public double[] parameters() {
        double[] row = new double[3 * depths.length];
        for (int i = 0; i < depths.length; i++) {
            row[3 * i] = depths[i];
            row[3 * i + 1] = centres[i];
            row[3 * i + 2] = widths[i];
        }
        return row;
    }
}
