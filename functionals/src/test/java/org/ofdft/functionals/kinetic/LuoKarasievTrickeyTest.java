package org.ofdft.functionals.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TestDensities;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

/** The LKT functional: potential = derivative, its limits (uniform gas, a = 0), n → 0, scaling, bad input. */
class LuoKarasievTrickeyTest {

    private static FftBackend backend;

    @BeforeAll
    static void start() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    private static SpectralOperators operators(Grid3D grid) {
        return new SpectralOperators(grid, backend);
    }

    @Test
    void potentialIsTheDerivative() {
        Grid3D grid = TestDensities.grid3D();
        ConsistencyCheck.assertPotentialIsDerivative("LKT (a = 1.3, with vW), 3D",
                new LuoKarasievTrickey(operators(grid)));
        ConsistencyCheck.assertPotentialIsDerivative("LKT Pauli part (a = 1.3), 3D",
                LuoKarasievTrickey.pauliOnly(operators(grid), 1.3));
        ConsistencyCheck.assertPotentialIsDerivative("LKT Pauli part (a = 1.3), 3D 12^3",
                LuoKarasievTrickey.pauliOnly(operators(new Grid3D(TestDensities.fccPrimitive(), 12, 12, 12)), 1.3));
    }

    @Test
    void potentialIsTheDerivativeWhereTheDensityIsNearlyZero() {
        // n = n0·((1 + cos)/2)² + 1e-9·n0 spans nine decades, so s reaches ~10³ and sech(as) underflows
        // towards the minimum: the regime the formulas must survive without a floor on s.
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 16, 16, 16);
        double n0 = 0.03;
        RealField density = deepMinimum(grid, n0, 1e-9);
        RealField direction = density.times(TestDensities.smooth(grid, 23, 0.1, false));
        ConsistencyCheck.assertPotentialIsDerivative("LKT with vW, deep minimum",
                new LuoKarasievTrickey(operators(grid)), density, direction);
        ConsistencyCheck.assertPotentialIsDerivative("LKT Pauli part, deep minimum",
                LuoKarasievTrickey.pauliOnly(operators(grid), 1.3), density, direction);
    }

    @Test
    void finiteWhereTheDensityVanishes() {
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 16, 16, 16);
        RealField density = deepMinimum(grid, 0.03, 0.0);
        int zeros = 0;
        for (int j = 0; j < grid.size(); j++) {
            if (density.get(j) < 1e-30) {
                density.values()[j] = 0.0;
                zeros++;
            }
        }
        density.values()[5] = 1e-300;
        assertTrue(zeros > 0);
        for (LuoKarasievTrickey functional : new LuoKarasievTrickey[] {
            new LuoKarasievTrickey(operators(grid)), LuoKarasievTrickey.pauliOnly(operators(grid), 1.3)}) {
            RealField potential = RealField.zeros(grid);
            double energy = functional.energyAndPotential(density, potential);
            assertTrue(Double.isFinite(energy) && energy > 0, functional.name() + ": energy " + energy);
            for (int j = 0; j < grid.size(); j++) {
                assertTrue(Double.isFinite(potential.get(j)), functional.name() + ": potential at " + j);
            }
        }
    }

    private static RealField deepMinimum(Grid3D grid, double n0, double floor) {
        double[] values = new double[grid.size()];
        double k = 2 * Math.PI / 6.0;
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    double c = 0.5 * (1 + Math.cos(k * r[0]) * (0.9 + 0.1 * Math.cos(k * (r[1] + r[2]))));
                    values[grid.index(i1, i2, i3)] = n0 * (c * c + floor);
                }
            }
        }
        return RealField.wrap(grid, values);
    }

    @Test
    void reducesToThomasFermiForAUniformDensity() {
        // s = 0, 1/cosh(0) = 1 and the vW part vanishes; rounding of the transforms leaves ~1e-16 relative.
        Grid3D grid = new Grid3D(TestDensities.fccPrimitive(), 12, 12, 12);
        RealField uniform = RealField.constant(grid, 3.0 / grid.measure());
        RealField tfPotential = RealField.zeros(grid);
        double tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED).energyAndPotential(uniform, tfPotential);
        for (LuoKarasievTrickey functional : new LuoKarasievTrickey[] {
            new LuoKarasievTrickey(operators(grid)), LuoKarasievTrickey.pauliOnly(operators(grid), 1.3)}) {
            RealField potential = RealField.zeros(grid);
            assertEquals(tf, functional.energyAndPotential(uniform, potential), 1e-13 * tf);
            for (int j = 0; j < grid.size(); j++) {
                assertEquals(tfPotential.get(j), potential.get(j), 1e-13 * tfPotential.get(j));
            }
        }
    }

    @Test
    void pauliPartWithoutGradientCouplingIsThomasFermi() {
        // a = 0: F(s) = sech(0) = 1 for every density, so the Pauli part is exactly TF, energy and potential.
        Grid3D grid = TestDensities.grid3D();
        RealField density = TestDensities.smooth(grid, 11, 0.05, true);
        RealField tfPotential = RealField.zeros(grid);
        double tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED).energyAndPotential(density, tfPotential);
        RealField potential = RealField.zeros(grid);
        double energy = LuoKarasievTrickey.pauliOnly(operators(grid), 0.0).energyAndPotential(density, potential);
        assertEquals(tf, energy, 1e-14 * tf);
        for (int j = 0; j < grid.size(); j++) {
            assertEquals(tfPotential.get(j), potential.get(j), 1e-14 * tfPotential.get(j));
        }
    }

    @Test
    void fullFunctionalIsTheQuadratureOfItsEnhancementFactor() {
        // T = ∫ τ_TF [sech(as) + (5/3)s²], evaluated here directly with the spectral ∇n: the vW piece of
        // the class is −½∫√n∇²√n instead. Both are spectral discretizations of the same integral; on this
        // gentle density (Fourier coefficients of √n fall by ~6 per harmonic, so ~1e-7 at the 16-point
        // Nyquist index and their products ~1e-14) they agree to 1e-11 relative.
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 16, 16, 16);
        SpectralOperators operators = operators(grid);
        RealField density = KineticExactnessTest.gentleDensity(grid, 0.02);
        double[][] gradient = new double[3][grid.size()];
        operators.gradient(density.values(), gradient);
        double sum = 0;
        double c = 2 * Math.cbrt(3 * Math.PI * Math.PI);
        for (int j = 0; j < grid.size(); j++) {
            double n = density.get(j);
            double g = Math.sqrt(gradient[0][j] * gradient[0][j] + gradient[1][j] * gradient[1][j]
                    + gradient[2][j] * gradient[2][j]);
            double s = g / (c * Math.pow(n, 4.0 / 3.0));
            sum += WangTeter.C_TF * Math.pow(n, 5.0 / 3.0) * (1 / Math.cosh(1.3 * s) + 5.0 / 3.0 * s * s);
        }
        double direct = sum * grid.volumeElement();
        double energy = new LuoKarasievTrickey(operators).energy(density);
        assertEquals(direct, energy, 1e-11 * direct);
        // and the full functional is the Pauli part plus the vW functional of this package
        double vw = new VonWeizsacker(Laplacian.spectral(operators), 1.0).energy(density);
        assertEquals(LuoKarasievTrickey.pauliOnly(operators, 1.3).energy(density) + vw, energy, 1e-15 * energy);
    }

    @Test
    void scalesLikeAKineticEnergy() {
        // s = |∇n|/(c n^{4/3}) is invariant under n_λ(r) = λ³n(λr), so T[n_λ] = λ² T[n]; on the cell a/λ with
        // values λ³n the discrete sums are identical but for rounding.
        double lambda = 0.7;
        Grid3D grid = TestDensities.grid3D();
        Grid3D scaled = KineticExactnessTest.scaledGrid(grid, lambda);
        RealField density = TestDensities.smooth(grid, 11, 0.05, true);
        RealField scaledDensity = RealField.wrap(scaled, density.times(lambda * lambda * lambda).values());
        double energy = new LuoKarasievTrickey(operators(grid)).energy(density);
        double scaledEnergy = new LuoKarasievTrickey(operators(scaled)).energy(scaledDensity);
        assertEquals(lambda * lambda * energy, scaledEnergy, 1e-13 * scaledEnergy);
    }

    @Test
    void refusesNegativeAndNaNDensities() {
        Grid3D grid = TestDensities.grid3D();
        LuoKarasievTrickey functional = new LuoKarasievTrickey(operators(grid));
        RealField negative = TestDensities.smooth(grid, 11, 0.05, true);
        negative.values()[0] = -1e-6;
        negative.values()[99] = -1e-6;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> functional.energyAndPotential(negative, null));
        assertTrue(error.getMessage().contains("luo_karasiev_trickey")
                && error.getMessage().contains("negative at 2 of"), error.getMessage());
        RealField nan = TestDensities.smooth(grid, 11, 0.05, true);
        nan.values()[12] = Double.NaN;
        nan.values()[13] = Double.POSITIVE_INFINITY;
        nan.values()[14] = Double.NaN;
        error = assertThrows(IllegalArgumentException.class,
                () -> LuoKarasievTrickey.pauliOnly(operators(grid), 1.3).energyAndPotential(nan, RealField.zeros(grid)));
        assertTrue(error.getMessage().contains("lkt_pauli") && error.getMessage().contains("has 3 NaN"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LuoKarasievTrickey(operators(grid), -1.0, true));
    }
}
