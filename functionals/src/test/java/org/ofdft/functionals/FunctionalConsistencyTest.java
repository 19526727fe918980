package org.ofdft.functionals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.PeriodicGrid;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

/**
 * The one test every functional must pass: the potential is the derivative of the energy,
 * checked by {@link ConsistencyCheck} on smooth positive densities in 1D (box and periodic) and 3D (a
 * non-orthogonal cell), for the kinetic and Hartree terms. Other families have their own lists.
 */
class FunctionalConsistencyTest {

    private static FftBackend backend;

    @BeforeAll
    static void start() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** A named way to build a functional on a grid. */
    record Case(String label, Grid grid, Function<Grid, DensityFunctional> factory) {
        @Override
        public String toString() {
            return label;
        }
    }

    static SpectralOperators spectral(Grid grid) {
        return new SpectralOperators((PeriodicGrid) grid, backend);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Grid box = TestDensities.box();
        Grid ring = TestDensities.ring();
        Grid cell = TestDensities.grid3D();
        for (Grid grid : List.of(box, ring, cell)) {
            String where = grid.dimension() == 3 ? "3D" : (grid == box ? "1D box" : "1D periodic");
            cases.add(new Case("Thomas-Fermi spinless, " + where, grid, g -> new ThomasFermi(g, SpinTreatment.SPINLESS)));
            cases.add(new Case("Thomas-Fermi unpolarized, " + where, grid, g -> new ThomasFermi(g, SpinTreatment.UNPOLARIZED)));
        }
        cases.add(new Case("von Weizsacker, 1D box, 4th-order FD", box,
                g -> new VonWeizsacker(Laplacian.finiteDifference((org.ofdft.grids.Grid1D) g, 4), 1.0)));
        cases.add(new Case("von Weizsacker, 1D periodic, spectral", ring,
                g -> new VonWeizsacker(Laplacian.spectral(spectral(g)), 1.0)));
        cases.add(new Case("von Weizsacker (lambda = 1/9), 3D", cell,
                g -> new VonWeizsacker(Laplacian.spectral(spectral(g)), 1.0 / 9.0)));
        cases.add(new Case("Hartree, 3D", cell, g -> new Hartree3D(spectral(g))));
        return cases;
    }

    static Stream<Arguments> arguments() {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void potentialIsTheDerivativeOfTheEnergy(Case testCase) {
        ConsistencyCheck.assertPotentialIsDerivative(testCase.label(), testCase.factory().apply(testCase.grid()));
    }
}
