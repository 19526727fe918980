package org.ofdft.functionals.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.TestDensities;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

class FixedPotentialTest {

    @Test
    void energyIsTheIntegralAndThePotentialIsAdded() {
        for (Grid grid : new Grid[] {TestDensities.grid3D(), TestDensities.box(), TestDensities.ring()}) {
            RealField v = TestDensities.smooth(grid, 5, 0.7, false);
            FixedPotential external = new FixedPotential(v);
            RealField n = TestDensities.smooth(grid, 11, 0.05, true);
            RealField potential = RealField.constant(grid, 0.25);
            double e = external.energyAndPotential(n, potential);
            assertEquals(v.dot(n), e, 1e-14 * Math.abs(e) + 1e-16);
            for (int j = 0; j < grid.size(); j++) {
                assertEquals(0.25 + v.get(j), potential.get(j), 1e-15);
            }
            v.scaleInPlace(2); // the functional keeps its own copy
            assertEquals(e, external.energy(n), 0.0);
            ConsistencyCheck.assertPotentialIsDerivative("fixed potential on " + grid, external);
        }
    }

    @Test
    void refusesBadInput() {
        RealField v = RealField.constant(TestDensities.ring(), Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> new FixedPotential(v));
        FixedPotential external = new FixedPotential("external", RealField.zeros(TestDensities.ring()));
        assertThrows(IllegalArgumentException.class,
                () -> external.energy(RealField.zeros(TestDensities.box())));
    }
}
