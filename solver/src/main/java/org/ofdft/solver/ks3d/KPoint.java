package org.ofdft.solver.ks3d;

import java.util.Arrays;
import org.ofdft.grids.Cell;

/**
 * A Bloch wave vector k = Σ_i κ_i b_i in fractional coordinates κ of the reciprocal lattice vectors b_i,
 * with its weight in the Brillouin-zone sum Σ_k w_k (weights of a set add up to 1; spin is counted in the
 * occupations, not here).
 */
public record KPoint(double[] fractional, double weight) {

    public KPoint {
        if (fractional.length != 3) {
            throw new IllegalArgumentException("a k-point has 3 fractional coordinates, got " + fractional.length);
        }
        for (double f : fractional) {
            if (!Double.isFinite(f)) {
                throw new IllegalArgumentException("k-point coordinates must be finite, got " + Arrays.toString(fractional));
            }
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("k-point weight must be positive, got " + weight);
        }
        fractional = fractional.clone();
    }

    /** The Γ point with weight 1. */
    public static KPoint gamma() {
        return new KPoint(new double[3], 1.0);
    }

    @Override
    public double[] fractional() {
        return fractional.clone();
    }

    /** κ_i. */
    public double fractional(int i) {
        return fractional[i];
    }

    /** k in Cartesian coordinates (bohr⁻¹) for {@code cell}. */
    public double[] cartesian(Cell cell) {
        double[] k = new double[3];
        for (int i = 0; i < 3; i++) {
            double[] b = cell.reciprocalVector(i);
            for (int c = 0; c < 3; c++) {
                k[c] += fractional[i] * b[c];
            }
        }
        return k;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KPoint k && Arrays.equals(fractional, k.fractional) && weight == k.weight;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fractional) + Double.hashCode(weight);
    }

    @Override
    public String toString() {
        return String.format("k = (%.6f, %.6f, %.6f), w = %.8f", fractional[0], fractional[1], fractional[2], weight);
    }
}
