package org.ofdft.ml.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;

class EnergyXcFunctionalTest {

    private static final BoxGrid1D GRID = Grid1D.box(-3.0, 3.0, 31);

    static XcModel randomModel(XcModelKind kind, int halfWidth, long seed) {
        return new XcModel(kind, halfWidth, MlpWeights.glorot(2 * halfWidth + 1, new int[] {6, 5}, seed),
                GRID.spacing(), "exponential", null);
    }

    static double[] density() {
        double[] n = new double[GRID.size()];
        for (int j = 0; j < n.length; j++) {
            double x = GRID.coordinate(j);
            n[j] = 0.6 * Math.exp(-0.5 * (x - 0.4) * (x - 0.4)) + 0.3 * Math.exp(-(x + 1) * (x + 1));
        }
        return n;
    }

    /** E = Σ_j n_j ε(window_j) h evaluated point by point in plain Java (independent of the graph). */
    static double directEnergy(XcModel model, double[] n) {
        int w = model.windowHalfWidth();
        double sum = 0;
        for (int j = 0; j < n.length; j++) {
            double[] window = new double[2 * w + 1];
            for (int k = 0; k <= 2 * w; k++) {
                int i = j + k - w;
                window[k] = i >= 0 && i < n.length ? n[i] : 0.0;
            }
            sum += n[j] * model.weights().evaluate(window);
        }
        return sum * GRID.spacing();
    }

    @Test
    void energyMatchesThePointwiseNetwork() {
        XcModel model = randomModel(XcModelKind.ENERGY, 2, 11);
        EnergyXcFunctional functional = new EnergyXcFunctional(model, GRID, Interaction1D.exponential(), false);
        double[] n = density();
        assertEquals(directEnergy(model, n), functional.energy(RealField.wrap(GRID, n)), 1e-14);
    }

    /** The project's rule: v = (1/h) ∂E/∂n_j against a central difference of the energy, at every point. */
    @Test
    void potentialIsTheFiniteDifferenceDerivativeOfTheEnergy() {
        XcModel model = randomModel(XcModelKind.ENERGY, 3, 5);
        EnergyXcFunctional functional = new EnergyXcFunctional(model, GRID, Interaction1D.exponential(), false);
        double[] n = density();
        double[] v = new double[n.length];
        double energy = functional.energyAndPotential(RealField.wrap(GRID, n), RealField.wrap(GRID, v));
        assertEquals(directEnergy(model, n), energy, 1e-14);
        double step = 1e-5;
        double worst = 0;
        double scale = 0;
        for (int j = 0; j < n.length; j++) {
            double[] plus = n.clone();
            double[] minus = n.clone();
            plus[j] += step;
            minus[j] -= step;
            double derivative = (directEnergy(model, plus) - directEnergy(model, minus)) / (2 * step);
            worst = Math.max(worst, Math.abs(derivative / GRID.spacing() - v[j]));
            scale = Math.max(scale, Math.abs(v[j]));
        }
        // central difference error ~ step² E''' ≈ 1e-10 relative; round-off ~1e-16/step ≈ 1e-11
        assertTrue(worst < 1e-8 * scale, "max |v − FD| = " + worst + " (max |v| = " + scale + ")");
    }

    @Test
    void refusesAnotherSpacingOrInteractionUnlessForced() {
        XcModel model = randomModel(XcModelKind.ENERGY, 1, 3);
        BoxGrid1D finer = Grid1D.box(-3.0, 3.0, 61);
        IllegalArgumentException spacing = assertThrows(IllegalArgumentException.class,
                () -> new EnergyXcFunctional(model, finer, Interaction1D.exponential(), false));
        assertTrue(spacing.getMessage().contains("spacing"), spacing.getMessage());
        IllegalArgumentException interaction = assertThrows(IllegalArgumentException.class,
                () -> new EnergyXcFunctional(model, GRID, Interaction1D.softCoulomb(), false));
        assertTrue(interaction.getMessage().contains("soft_coulomb"), interaction.getMessage());
        new EnergyXcFunctional(model, finer, Interaction1D.softCoulomb(), true); // forced: accepted
        assertThrows(IllegalArgumentException.class,
                () -> new PotentialXcFunctional(model, GRID, Interaction1D.exponential(), false));
    }
}
