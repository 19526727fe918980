package org.ofdft.functionals;

import org.ofdft.grids.simd.ArrayMath;

/** Validation of densities handed to functionals that cannot take negative or NaN values. */
public final class DensityChecks {

    private DensityChecks() {
    }

    /**
     * True if every value of density[from, to) is finite and ≥ 0: the per-block test of loops that check as
     * they go over cache-resident blocks (a failing loop then calls {@link #requireNonNegative} for the message).
     */
    public static boolean nonNegativeFinite(double[] density, int from, int to) {
        // the minimum is NaN if any value is; a finite sum of non-negative values has no infinity
        return ArrayMath.min(density, from, to) >= 0 && Double.isFinite(ArrayMath.sum(density, from, to));
    }

    /**
     * Throws a message naming the functional and the number of offending grid points if any value is
     * NaN, infinite or negative.
     */
    public static void requireNonNegative(String functional, double[] density) {
        // fast path (two SIMD passes): a finite sum and a non-negative minimum clear every point
        if (ArrayMath.min(density, 0, density.length) >= 0 && Double.isFinite(ArrayMath.sum(density, 0, density.length))) {
            return;
        }
        int negative = 0;
        int notFinite = 0;
        double mostNegative = 0;
        for (double n : density) {
            if (!Double.isFinite(n)) {
                notFinite++;
            } else if (n < 0) {
                negative++;
                mostNegative = Math.min(mostNegative, n);
            }
        }
        if (notFinite > 0) {
            throw new IllegalArgumentException(functional + ": density has " + notFinite + " NaN or infinite values (of "
                    + density.length + " grid points)");
        }
        if (negative > 0) {
            throw new IllegalArgumentException(functional + ": density is negative at " + negative + " of "
                    + density.length + " grid points (most negative " + mostNegative + ")");
        }
    }

    /** Throws if any value is NaN or infinite. */
    public static void requireFinite(String functional, double[] density) {
        if (Double.isFinite(ArrayMath.sum(density, 0, density.length))) {
            return;                    // fast path: a NaN or infinity makes the sum non-finite
        }
        int notFinite = 0;
        for (double n : density) {
            if (!Double.isFinite(n)) {
                notFinite++;
            }
        }
        if (notFinite > 0) {
            throw new IllegalArgumentException(functional + ": density has " + notFinite + " NaN or infinite values (of "
                    + density.length + " grid points)");
        }
    }
}
