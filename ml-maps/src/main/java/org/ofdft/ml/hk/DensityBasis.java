package org.ofdft.ml.hk;

/**
 * How an ML Hohenberg–Kohn map represents a 1D density on the dataset's points (walls included): as
 * coefficients in a basis, each of which is learned as a function of the potential (Brockherde et al.,
 * Nat. Commun. 8, 872 (2017)).
 */
public sealed interface DensityBasis permits DensityBasis.Sine, DensityBasis.Grid, PlaneWaveBasis {

    /** Number of coefficients. */
    int size();

    /** u = coefficients of {@code density} (length: the dataset's points). */
    void coefficients(double[] density, double[] out);

    /** n on the dataset's points from the coefficients u. */
    void density(double[] coefficients, double[] out);

    /**
     * Weights w_l such that Σ_l w_l (Δu_l)² is the squared L2 error ∫(Δn)² dx of the density (within the
     * basis): what the cross-validation of the map minimizes.
     */
    double[] errorWeights();

    /** Short name for files and reports: {@code sine} or {@code grid}. */
    String name();

    /**
     * The first L functions of the box's sine basis φ_l(x) = √(2/L_box) sin(lπ(x − a)/L_box), orthonormal
     * on [a, b]; u_l = ∫ n φ_l dx by the trapezoid rule on the points (n = 0 at the walls), so the weights
     * are 1.
     */
    record Sine(double[] points, int count, double[] table) implements DensityBasis {

        public Sine {
            if (count < 1 || count > points.length - 2) {
                throw new IllegalArgumentException("sine basis size must be between 1 and " + (points.length - 2)
                        + " on " + points.length + " points, got " + count);
            }
        }

        public static Sine of(double[] points, int count) {
            double a = points[0];
            double length = points[points.length - 1] - a;
            double[] table = new double[count * points.length];
            for (int l = 1; l <= count; l++) {
                for (int j = 0; j < points.length; j++) {
                    table[(l - 1) * points.length + j] = Math.sqrt(2 / length)
                            * Math.sin(l * Math.PI * (points[j] - a) / length);
                }
            }
            return new Sine(points.clone(), count, table);
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public void coefficients(double[] density, double[] out) {
            double h = (points[points.length - 1] - points[0]) / (points.length - 1);
            for (int l = 0; l < count; l++) {
                double sum = 0;
                for (int j = 0; j < points.length; j++) {
                    sum += table[l * points.length + j] * density[j];
                }
                out[l] = sum * h;
            }
        }

        @Override
        public void density(double[] coefficients, double[] out) {
            java.util.Arrays.fill(out, 0);
            for (int l = 0; l < count; l++) {
                for (int j = 0; j < points.length; j++) {
                    out[j] += coefficients[l] * table[l * points.length + j];
                }
            }
        }

        @Override
        public double[] errorWeights() {
            double[] weights = new double[count];
            java.util.Arrays.fill(weights, 1);
            return weights;
        }

        @Override
        public String name() {
            return "sine";
        }
    }

    /** The density values themselves; weights h (Σ_j h (Δn_j)² ≈ ∫(Δn)² dx). */
    record Grid(int points, double spacing) implements DensityBasis {

        @Override
        public int size() {
            return points;
        }

        @Override
        public void coefficients(double[] density, double[] out) {
            System.arraycopy(density, 0, out, 0, points);
        }

        @Override
        public void density(double[] coefficients, double[] out) {
            System.arraycopy(coefficients, 0, out, 0, points);
        }

        @Override
        public double[] errorWeights() {
            double[] weights = new double[points];
            java.util.Arrays.fill(weights, spacing);
            return weights;
        }

        @Override
        public String name() {
            return "grid";
        }
    }
}
