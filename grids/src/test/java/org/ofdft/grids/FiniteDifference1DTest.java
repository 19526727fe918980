package org.ofdft.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FiniteDifference1DTest {

    /** Gaussian well inside the box: it and all its derivatives vanish (below 1e-40) at the walls. */
    private static double maxError(FiniteDifference1D stencil, int points) {
        BoxGrid1D grid = Grid1D.box(0.0, 1.0, points);
        double s = 0.05;
        double[] f = new double[points];
        double[] exact = new double[points];
        for (int j = 0; j < points; j++) {
            double u = (grid.coordinate(j) - 0.5) / s;
            f[j] = Math.exp(-u * u / 2);
            exact[j] = (u * u - 1) / (s * s) * f[j];
        }
        double[] second = new double[points];
        stencil.laplacian(grid, f, second);
        double max = 0;
        for (int j = 0; j < points; j++) {
            max = Math.max(max, Math.abs(second[j] - exact[j]));
        }
        return max;
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {2, 4, 6})
    void measuredConvergenceOrderMatchesNominal(int order) {
        FiniteDifference1D stencil = new FiniteDifference1D(order);
        // Refinement study h, h/2, h/4 with h = 1/100: the observed order log2(e_h / e_{h/2}).
        double e1 = maxError(stencil, 99);
        double e2 = maxError(stencil, 199);
        double e3 = maxError(stencil, 399);
        double observed12 = Math.log(e1 / e2) / Math.log(2);
        double observed23 = Math.log(e2 / e3) / Math.log(2);
        assertEquals(order, observed23, 0.1, "observed order on the finest pair, errors " + e1 + ", " + e2 + ", " + e3);
        assertEquals(order, observed12, 0.3, "observed order on the coarse pair");
    }

    @Test
    void periodicStencilWrapsAround() {
        PeriodicGrid1D grid = Grid1D.periodic(0.0, 2 * Math.PI, 64);
        double[] f = new double[64];
        for (int j = 0; j < 64; j++) {
            f[j] = Math.sin(grid.coordinate(j));
        }
        double[] second = new double[64];
        FiniteDifference1D stencil = new FiniteDifference1D(6);
        stencil.laplacian(grid, f, second);
        // On sin x the periodic stencil is exactly −λ sin x with the symbol
        // λ = −(1/h²)(c0 + 2 Σ_m c_m cos(m h)) = 1 − h⁶/560 + O(h⁸).
        double h = grid.spacing();
        double symbol = stencil.coefficient(0);
        for (int m = 1; m <= stencil.halfBandwidth(); m++) {
            symbol += 2 * stencil.coefficient(m) * Math.cos(m * h);
        }
        double lambda = -symbol / (h * h);
        assertEquals(1 - Math.pow(h, 6) / 560, lambda, 1e-11);
        // Round-off bound: a few ulps of each stencil term, amplified by 1/h².
        double absoluteSum = 0;
        for (int m = -stencil.halfBandwidth(); m <= stencil.halfBandwidth(); m++) {
            absoluteSum += Math.abs(stencil.coefficient(m));
        }
        double roundOff = 4 * Math.ulp(1.0) * absoluteSum / (h * h);
        for (int j = 0; j < 64; j++) {
            assertEquals(-lambda * f[j], second[j], roundOff);
        }
    }

    @Test
    void unsupportedOrderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FiniteDifference1D(3));
        assertEquals("finite-difference order must be 2, 4 or 6, got 3", e.getMessage());
    }
}
