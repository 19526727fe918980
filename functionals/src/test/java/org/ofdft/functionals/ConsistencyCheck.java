package org.ofdft.functionals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

/**
 * The check every functional must pass: the potential is the derivative of the energy,
 * (E[n + εδn] − E[n − εδn]) / 2ε = ∫ V[n] δn.
 */
public final class ConsistencyCheck {

    private ConsistencyCheck() {
    }

    /**
     * Checks {@code functional} at a smooth positive density in the direction δn = n·s, s a smooth
     * signed pattern of size 0.1: small relative to n everywhere, also in the tails, where functionals
     * of √n or n^{5/3} are far from linear in absolute perturbations.
     */
    public static void assertPotentialIsDerivative(String label, DensityFunctional functional) {
        Grid grid = functional.grid();
        RealField density = TestDensities.smooth(grid, 11, 0.05, true);
        RealField direction = density.times(TestDensities.smooth(grid, 23, 0.1, false));
        assertPotentialIsDerivative(label, functional, density, direction);
    }

    public static void assertPotentialIsDerivative(String label, DensityFunctional functional, RealField density,
                                                   RealField direction) {
        Grid grid = functional.grid();
        RealField potential = RealField.zeros(grid);
        double energy = functional.energyAndPotential(density, potential);
        double predicted = potential.dot(direction);
        // Central difference with step ε: error ε²/6·E''' ~ 1e-7·(relative size of δn)², i.e. ~1e-9
        // relative here, far above round-off (1e-16·E/ε).
        double epsilon = 1e-3;
        double plus = functional.energy(density.copy().addScaledInPlace(epsilon, direction));
        double minus = functional.energy(density.copy().addScaledInPlace(-epsilon, direction));
        double finiteDifference = (plus - minus) / (2 * epsilon);
        double scale = Math.max(Math.abs(predicted), 1e-3 * Math.abs(energy));
        assertTrue(Math.abs(finiteDifference - predicted) <= 1e-7 * scale,
                label + ": finite difference " + finiteDifference + " vs ∫V δn " + predicted
                        + " (relative " + Math.abs(finiteDifference - predicted) / scale + ")");
    }
}
