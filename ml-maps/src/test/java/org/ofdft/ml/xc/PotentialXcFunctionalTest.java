package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;

class PotentialXcFunctionalTest {

    private static final BoxGrid1D GRID = Grid1D.box(-3.0, 3.0, 31);

    @Test
    void potentialIsTheNetworkOfTheWindow() {
        XcModel model = EnergyXcFunctionalTest.randomModel(XcModelKind.POTENTIAL, 2, 7);
        PotentialXcFunctional functional = new PotentialXcFunctional(model, GRID, Interaction1D.exponential(), false);
        double[] n = EnergyXcFunctionalTest.density();
        double[] expected = new double[n.length];
        for (int j = 0; j < n.length; j++) {
            double[] window = new double[5];
            for (int k = 0; k < 5; k++) {
                int i = j + k - 2;
                window[k] = i >= 0 && i < n.length ? n[i] : 0.0;
            }
            expected[j] = model.weights().evaluate(window);
        }
        double[] v = new double[n.length];
        functional.energyAndPotential(RealField.wrap(GRID, n), RealField.wrap(GRID, v));
        assertArrayEquals(expected, v, 1e-14);
        assertArrayEquals(expected, functional.potential(n), 1e-14);
    }

    /**
     * A purely local potential network (w = 0) is the derivative of e(n) = ∫_0^n v(m) dm, so the λ line
     * integral must equal h Σ_j ∫_0^(n_j) v(m) dm; the reference integral is composite Simpson with 2000
     * intervals (error ~1e-14), the 8-point Gauss–Legendre rule of the functional is exact to ~1e-12 for a
     * smooth tanh network on this range.
     */
    @Test
    void lineIntegralEnergyOfALocalPotentialIsItsAntiderivative() {
        XcModel model = new XcModel(XcModelKind.POTENTIAL, 0, MlpWeights.glorot(1, new int[] {5}, 3),
                GRID.spacing(), "exponential", null);
        PotentialXcFunctional functional = new PotentialXcFunctional(model, GRID, Interaction1D.exponential(), false);
        double[] n = EnergyXcFunctionalTest.density();
        double expected = 0;
        for (double nj : n) {
            int intervals = 2000;
            double step = nj / intervals;
            double sum = 0;
            for (int i = 0; i <= intervals; i++) {
                double weight = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += weight * model.weights().evaluate(new double[] {i * step});
            }
            expected += sum * step / 3;
        }
        expected *= GRID.spacing();
        assertEquals(expected, functional.energy(RealField.wrap(GRID, n)), 1e-12);
    }
}
