package org.ofdft.ml.descriptors;

/**
 * Exponentially scaled modified spherical Bessel functions of the first kind, ĩ_l(x) = e^{−x} i_l(x)
 * for x ≥ 0 (DLMF 10.47.7: i_l(x) = √(π/2x) I_{l+½}(x)), which stay bounded (ĩ_l(x) → 1/2x).
 * <ul>
 *   <li>x ≤ max(16, 2 l_max + 4): the power series (DLMF 10.53.3)
 *       i_l(x) = x^l/(2l+1)!! Σ_k (x²/2)^k / (k! (2l+3)(2l+5)…(2l+2k+1)) for the two highest orders (all
 *       terms positive), then the recurrence i_{l−1} = i_{l+1} + (2l+1)/x i_l downwards (stable);</li>
 *   <li>larger x: ĩ_0 = (1 − e^{−2x})/2x, ĩ_1 = [(1 + e^{−2x}) − (1 − e^{−2x})/x]/2x and the same
 *       recurrence upwards, stable for x well above l.</li>
 * </ul>
 * Derivative: i_l' = [l i_{l−1} + (l+1) i_{l+1}]/(2l+1) (DLMF 10.51.5), so
 * dĩ_l/dx = [l ĩ_{l−1} + (l+1) ĩ_{l+1}]/(2l+1) − ĩ_l.
 */
final class ModifiedSphericalBessel {

    private ModifiedSphericalBessel() {
    }

    /** Where the series gives way to the upward recurrence. */
    static double seriesLimit(int lMax) {
        return Math.max(16, 2.0 * lMax + 4);
    }

    /** ĩ_l(x) for l = 0 … lMax into {@code out[0 … lMax]}; x ≥ 0. */
    static void scaled(double x, int lMax, double[] out) {
        if (x <= seriesLimit(lMax)) {
            if (x == 0) {
                out[0] = 1;
                for (int l = 1; l <= lMax; l++) {
                    out[l] = 0;
                }
                return;
            }
            double damping = Math.exp(-x);
            out[lMax] = damping * series(x, lMax);
            if (lMax == 0) {
                return;
            }
            out[lMax - 1] = damping * series(x, lMax - 1);
            for (int l = lMax - 1; l >= 1; l--) {
                out[l - 1] = out[l + 1] + (2 * l + 1) / x * out[l];
            }
            return;
        }
        double e2 = Math.exp(-2 * x);
        out[0] = (1 - e2) / (2 * x);
        if (lMax == 0) {
            return;
        }
        out[1] = ((1 + e2) - (1 - e2) / x) / (2 * x);
        for (int l = 1; l < lMax; l++) {
            out[l + 1] = out[l - 1] - (2 * l + 1) / x * out[l];
        }
    }

    /** i_l(x) by its power series (unscaled). */
    private static double series(double x, int l) {
        double prefactor = 1; // x^l / (2l+1)!!
        for (int k = 1; k <= l; k++) {
            prefactor *= x / (2 * k + 1);
        }
        double half = 0.5 * x * x;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= half / (k * (2.0 * l + 2 * k + 1));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return prefactor * sum;
    }
}
