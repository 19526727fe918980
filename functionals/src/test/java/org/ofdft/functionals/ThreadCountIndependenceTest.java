package org.ofdft.functionals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.xc.GgaFunctional;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;

/**
 * The terms that split their pointwise and reciprocal-space loops over the FFT backend's workers give the
 * same energy and potential with one and with three workers (three: an uneven split of the grid). Only the
 * order of the energy's partial sums changes, so they agree to round-off of the sum: 1e-13 relative; the
 * potentials are computed point by point and agree to 1e-13 of their largest value (the FFTs split their
 * lines differently but do the same arithmetic).
 */
class ThreadCountIndependenceTest {

    @Test
    void energiesAndPotentialsDoNotDependOnTheWorkerCount() {
        Grid3D cell = TestDensities.grid3D();
        RealField density = TestDensities.smooth(cell, 11, 0.02, true);
        List<Function<SpectralOperators, DensityFunctional>> terms = List.of(
                GgaFunctional::pbe,
                operators -> LdaFunctional.slaterPz81(cell, operators.parallel()),
                operators -> new org.ofdft.functionals.kinetic.ThomasFermi(cell, SpinTreatment.UNPOLARIZED,
                        operators.parallel()),
                operators -> new VonWeizsacker(Laplacian.spectral(operators), 1.0),
                operators -> WangTeter.forElectrons(operators, 8.0),
                operators -> WangTeter.followingCellAverage(operators),
                Hartree3D::new);
        for (Function<SpectralOperators, DensityFunctional> term : terms) {
            RealField serialPotential = RealField.zeros(cell);
            RealField parallelPotential = RealField.zeros(cell);
            double serial;
            double parallel;
            String name;
            try (JavaFftBackend one = new JavaFftBackend(1); SpectralOperators operators = new SpectralOperators(cell, one)) {
                DensityFunctional functional = term.apply(operators);
                name = functional.name();
                serial = functional.energyAndPotential(density, serialPotential);
            }
            try (JavaFftBackend three = new JavaFftBackend(3);
                 SpectralOperators operators = new SpectralOperators(cell, three)) {
                parallel = term.apply(operators).energyAndPotential(density, parallelPotential);
            }
            assertEquals(serial, parallel, 1e-13 * Math.abs(serial), name + " energy");
            double largest = 0;
            for (int j = 0; j < cell.size(); j++) {
                largest = Math.max(largest, Math.abs(serialPotential.get(j)));
            }
            for (int j = 0; j < cell.size(); j++) {
                assertEquals(serialPotential.get(j), parallelPotential.get(j), 1e-13 * largest, name + " potential at " + j);
            }
        }
    }
}
