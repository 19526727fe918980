package org.ofdft.functionals.hartree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.TestDensities;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.PeriodicGrid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

class Hartree1DTest {

    private static FftBackend backend;

    @BeforeAll
    static void start() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** The O(N²) double sum that the FFT convolution must reproduce. */
    private static double directEnergy(Grid1D grid, double[] n, Interaction1D w, double[] potential, int images,
                                       double period) {
        double h = grid.spacing();
        double energy = 0;
        for (int i = 0; i < n.length; i++) {
            double v = 0;
            for (int j = 0; j < n.length; j++) {
                for (int m = -images; m <= images; m++) {
                    v += w.at(grid.coordinate(i) - grid.coordinate(j) + m * period) * n[j] * h;
                }
            }
            potential[i] = v;
            energy += 0.5 * v * n[i] * h;
        }
        return energy;
    }

    @Test
    void boxConvolutionEqualsDirectSum() {
        BoxGrid1D grid = TestDensities.box();
        RealField density = TestDensities.smooth(grid, 3, 0.3, true);
        for (Interaction1D w : new Interaction1D[] {Interaction1D.softCoulomb(), Interaction1D.exponential()}) {
            Hartree1D hartree = new Hartree1D(grid, w, backend);
            RealField potential = RealField.zeros(grid);
            double energy = hartree.energyAndPotential(density, potential);
            double[] expected = new double[grid.size()];
            double direct = directEnergy(grid, density.values(), w, expected, 0, 0);
            assertEquals(direct, energy, 1e-13 * Math.abs(direct), w.name());
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], potential.get(j), 1e-13 * Math.abs(expected[j]) + 1e-15, w.name() + " at " + j);
            }
        }
    }

    @Test
    void periodicExponentialEqualsImageSum() {
        PeriodicGrid1D ring = Grid1D.periodic(0, 8.0, 64);
        RealField density = TestDensities.smooth(ring, 5, 0.2, true);
        Interaction1D w = Interaction1D.exponential();
        Hartree1D hartree = new Hartree1D(ring, w, backend);
        RealField potential = RealField.zeros(ring);
        double energy = hartree.energyAndPotential(density, potential);
        double[] expected = new double[ring.size()];
        // exp(−κ·8·m) < 1e-17 for m ≥ 14
        double direct = directEnergy(ring, density.values(), w, expected, 14, ring.length());
        assertEquals(direct, energy, 1e-12 * direct);
        assertThrows(IllegalArgumentException.class, () -> new Hartree1D(ring, Interaction1D.softCoulomb(), backend));
    }

    @Test
    void potentialIsDerivativeOfEnergy() {
        ConsistencyCheck.assertPotentialIsDerivative("Hartree 1D box, soft-Coulomb",
                new Hartree1D(TestDensities.box(), Interaction1D.softCoulomb(), backend));
        ConsistencyCheck.assertPotentialIsDerivative("Hartree 1D box, exponential",
                new Hartree1D(TestDensities.box(), Interaction1D.exponential(), backend));
        ConsistencyCheck.assertPotentialIsDerivative("Hartree 1D periodic, exponential",
                new Hartree1D(TestDensities.ring(), Interaction1D.exponential(), backend));
    }

    @Test
    void nanDensityIsRejected() {
        BoxGrid1D grid = TestDensities.box();
        Hartree1D hartree = new Hartree1D(grid, Interaction1D.softCoulomb(), backend);
        double[] n = new double[grid.size()];
        n[3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hartree.energy(RealField.wrap(grid, n)));
        assertTrue(e.getMessage().startsWith("hartree: density has 1 NaN"), e.getMessage());
    }
}
