package org.ofdft.functionals.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TestDensities;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.ReciprocalGrid;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;

/**
 * The Wang–Teter nonlocal term: potential = derivative (both reference-density modes), the kernel's value
 * and normalization (against DFTpy's constants and, independently, against the Lindhard linear response
 * of the uniform gas), uniform-density limits, coordinate scaling, and refused input.
 */
class WangTeterTest {

    /** DFTpy's constants.C_TF. */
    private static final double DFTPY_C_TF = 2.87123400018819181594;

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

    private static Grid3D fcc12() {
        return new Grid3D(TestDensities.fccPrimitive(), 12, 12, 12);
    }

    @Test
    void potentialIsTheDerivativeWithFixedReferenceDensity() {
        Grid3D grid = TestDensities.grid3D();
        double n0 = TestDensities.smooth(grid, 11, 0.05, true).integral() / grid.measure();
        ConsistencyCheck.assertPotentialIsDerivative("Wang-Teter, fixed n0, 3D", new WangTeter(operators(grid), n0));
        // Even sizes on all axes exercise the Nyquist planes of the kernel as well.
        ConsistencyCheck.assertPotentialIsDerivative("Wang-Teter, fixed n0, 3D 12^3",
                new WangTeter(operators(fcc12()), n0));
    }

    @Test
    void potentialIsTheDerivativeWhenTheReferenceFollowsTheCellAverage() {
        Grid3D grid = TestDensities.grid3D();
        WangTeter functional = WangTeter.followingCellAverage(operators(grid));
        ConsistencyCheck.assertPotentialIsDerivative("Wang-Teter, cell-average n0, 3D", functional);
        // A uniform change of the density moves only n0's share of the energy through the kernel: this
        // direction tests the (1/V)∂T/∂n0 shift on its own terms.
        RealField density = TestDensities.smooth(grid, 11, 0.05, true);
        ConsistencyCheck.assertPotentialIsDerivative("Wang-Teter, cell-average n0, uniform direction",
                functional, density, RealField.constant(grid, 0.01));
        ConsistencyCheck.assertPotentialIsDerivative("Wang-Teter, cell-average n0, uniform direction, 12^3",
                WangTeter.followingCellAverage(operators(fcc12())), TestDensities.smooth(fcc12(), 5, 0.02, true),
                RealField.constant(fcc12(), 0.003));
    }

    @Test
    void modesAgreeOnDensitiesWithTheReferenceAverage() {
        Grid3D grid = TestDensities.grid3D();
        RealField density = TestDensities.smooth(grid, 17, 0.03, true);
        double n0 = density.integral() / grid.measure();
        RealField fixedPotential = RealField.zeros(grid);
        RealField followingPotential = RealField.zeros(grid);
        double fixed = new WangTeter(operators(grid), n0).energyAndPotential(density, fixedPotential);
        WangTeter following = WangTeter.followingCellAverage(operators(grid));
        double followed = following.energyAndPotential(density, followingPotential);
        assertEquals(n0, following.referenceDensity(), 1e-15 * n0);
        assertEquals(fixed, followed, 1e-14 * Math.abs(fixed));
        // The potentials differ by the uniform shift (1/V)∂T/∂n0 only.
        double shift = followingPotential.get(0) - fixedPotential.get(0);
        for (int j = 0; j < grid.size(); j++) {
            assertEquals(shift, followingPotential.get(j) - fixedPotential.get(j), 1e-13);
        }
    }

    /** ½∫∫ n K n with K the Wang–Teter kernel, convolved through {@link SpectralOperators#convolve}. */
    private static final class LindhardQuadratic implements DensityFunctional {
        private final SpectralOperators operators;
        private final double[] kernel;
        private final double[] convolved;

        LindhardQuadratic(SpectralOperators operators, double n0) {
            this.operators = operators;
            double twoKf = 2 * Lindhard.fermiWaveVector(n0);
            this.kernel = operators.radialKernel(g -> WangTeter.KERNEL_PREFACTOR * Lindhard.wangTeterResponse(g / twoKf));
            this.convolved = new double[operators.grid().size()];
        }

        @Override
        public String name() {
            return "lindhard_quadratic";
        }

        @Override
        public Grid grid() {
            return operators.grid();
        }

        @Override
        public double energyAndPotential(RealField density, RealField potential) {
            double[] n = density.values();
            operators.convolve(n, kernel, convolved);
            double sum = 0;
            for (int j = 0; j < n.length; j++) {
                sum += n[j] * convolved[j];
                if (potential != null) {
                    potential.values()[j] += convolved[j];
                }
            }
            return 0.5 * sum * grid().volumeElement();
        }
    }

    @Test
    void lindhardKernelConvolutionIsSymmetric() {
        // V = K∗n is the derivative of ½∫∫nKn only if the discrete convolution is a symmetric operator.
        Grid3D grid = TestDensities.grid3D();
        ConsistencyCheck.assertPotentialIsDerivative("Lindhard-kernel convolution, 3D",
                new LindhardQuadratic(operators(grid), 0.02));
        ConsistencyCheck.assertPotentialIsDerivative("Lindhard-kernel convolution, 3D 12^3",
                new LindhardQuadratic(operators(fcc12()), 0.02));
    }

    @Test
    void kernelNormalizationIsDftpys() {
        assertEquals(DFTPY_C_TF, WangTeter.C_TF, 1e-15 * DFTPY_C_TF);
        // 5/(9αβ) = 5·36/(9·25) = 4/5 for α = β = 5/6.
        assertEquals(0.8 * DFTPY_C_TF, WangTeter.KERNEL_PREFACTOR, 1e-15 * DFTPY_C_TF);
        Grid3D grid = fcc12();
        double n0 = 3.0 / grid.measure();
        WangTeter functional = new WangTeter(operators(grid), n0);
        double[] kernel = functional.kernel();
        ReciprocalGrid reciprocal = grid.reciprocal();
        double[] g2 = reciprocal.g2();
        double twoKf = 2 * Math.cbrt(3 * Math.PI * Math.PI * n0);
        assertEquals(0.0, kernel[0], 0.0);
        int h3 = reciprocal.halfLength();
        int checked = 0;
        for (int e = 0; e < kernel.length; e++) {
            int k3 = e % h3;
            int i2 = (e / h3) % 12;
            int i1 = e / (h3 * 12);
            if (i1 == 6 || i2 == 6) {
                continue; // Nyquist planes of the first two axes: numpy's −n/2, checked below
            }
            double expected = 0.8 * DFTPY_C_TF * Lindhard.wangTeterResponse(Math.sqrt(g2[e]) / twoKf);
            assertEquals(expected, kernel[e], 1e-14 * Math.abs(expected) + 1e-300, "entry " + e + " k3 " + k3);
            checked++;
        }
        assertTrue(checked > 600);
        // Entry (i1, i2, k3) = (6, 1, 0): numpy's fftfreq gives Miller index −6 on the first axis.
        Cell cell = grid.cell();
        double[] b1 = cell.reciprocalVector(0);
        double[] b2 = cell.reciprocalVector(1);
        double gx = -6 * b1[0] + b2[0];
        double gy = -6 * b1[1] + b2[1];
        double gz = -6 * b1[2] + b2[2];
        double q = Math.sqrt(gx * gx + gy * gy + gz * gz);
        int entry = (6 * 12 + 1) * h3;
        assertEquals(0.8 * DFTPY_C_TF * Lindhard.wangTeterResponse(q / twoKf), kernel[entry], 1e-14);
        assertEquals(q * q, g2[entry], 1e-12 * q * q, "ReciprocalGrid follows numpy's Nyquist convention");
    }

    @Test
    void reproducesTheLindhardResponseOfTheUniformGas() {
        // n = n0(1 + ε cos(G·r)): d²E/dε² = (n0² V/2)·(π²/k_F)/F(η) for TF + vW + T_NL (the defining property
        // of the kernel; TF alone would give 1, TF + vW 1 + 3η² in place of 1/F). Central second difference
        // with ε = 1e-3: the neglected ε⁴ term is ~ε² = 1e-6 relative, rounding ~1e-16/ε² = 1e-10.
        double length = 8.0;
        Grid3D grid = new Grid3D(Cell.cubic(length), 12, 12, 12);
        SpectralOperators operators = operators(grid);
        double gx = 2 * Math.PI / length;
        double gy = 2 * Math.PI / length;
        double g = Math.hypot(gx, gy);
        for (double eta : new double[] {0.3, 0.8, 0.99, 1.5, 3.0, 6.0}) {
            double kf = g / (2 * eta);
            double n0 = kf * kf * kf / (3 * Math.PI * Math.PI);
            TotalFunctional wt = WangTeter.total(operators, n0);
            double epsilon = 1e-3;
            double plus = wt.energy(cosineDensity(grid, n0, epsilon, gx, gy));
            double minus = wt.energy(cosineDensity(grid, n0, -epsilon, gx, gy));
            double zero = wt.energy(RealField.constant(grid, n0));
            double secondDerivative = (plus + minus - 2 * zero) / (epsilon * epsilon);
            double expected = n0 * n0 * grid.measure() / 2 * Math.PI * Math.PI / kf / Lindhard.f(eta);
            assertEquals(expected, secondDerivative, 1e-5 * expected, "eta = " + eta);
        }
    }

    private static RealField cosineDensity(Grid3D grid, double n0, double epsilon, double gx, double gy) {
        double[] values = new double[grid.size()];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    values[grid.index(i1, i2, i3)] = n0 * (1 + epsilon * Math.cos(gx * r[0] + gy * r[1]));
                }
            }
        }
        return RealField.wrap(grid, values);
    }

    @Test
    void vanishesForAUniformDensity() {
        // K(G = 0) = 0 and n^α has no other Fourier component: T_NL = 0 and its potential 0, up to the
        // rounding of the transforms (~1e-16 of n^α per mode), far below 1e-13 of the TF scale.
        Grid3D grid = fcc12();
        SpectralOperators operators = operators(grid);
        double n0 = 3.0 / grid.measure();
        RealField uniform = RealField.constant(grid, n0);
        ThomasFermi tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED);
        RealField tfPotential = RealField.zeros(grid);
        double tfEnergy = tf.energyAndPotential(uniform, tfPotential);
        for (WangTeter functional : List.of(new WangTeter(operators, n0), WangTeter.followingCellAverage(operators))) {
            RealField potential = RealField.zeros(grid);
            double energy = functional.energyAndPotential(uniform, potential);
            assertEquals(0.0, energy, 1e-13 * tfEnergy);
            assertTrue(potential.maxAbs() <= 1e-13 * tfPotential.maxAbs(), "potential " + potential.maxAbs());
        }
        // TF + vW + WT = TF, energy and potential.
        TotalFunctional total = WangTeter.total(operators, n0);
        RealField potential = RealField.zeros(grid);
        EnergyTerms terms = total.energyTerms(uniform, potential);
        assertEquals(List.of("thomas_fermi", "von_weizsacker", "wang_teter"), List.copyOf(terms.terms().keySet()));
        assertEquals(tfEnergy, terms.total(), 1e-13 * tfEnergy);
        assertEquals(tfEnergy, terms.term("thomas_fermi"), 0.0);
        for (int j = 0; j < grid.size(); j++) {
            assertEquals(tfPotential.get(j), potential.get(j), 1e-13 * tfPotential.get(j));
        }
    }

    @Test
    void scalesLikeAKineticEnergy() {
        // n_λ(r) = λ³ n(λr): T_NL[n_λ] = λ² T_NL[n], because η = |G|/2k_F is invariant (|G| and k_F both
        // scale by λ), the prefactor does not depend on n0 when α + β = 5/3, and n^α n^β ΔV² scales as
        // λ⁵·λ⁻⁶·(λ³ per sum). On the cell a/λ with values λ³n the discrete sums are identical but for rounding.
        double lambda = 1.3;
        Grid3D grid = TestDensities.grid3D();
        Cell cell = grid.cell();
        double[][] scaledVectors = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] a = cell.latticeVector(i);
            scaledVectors[i] = new double[] {a[0] / lambda, a[1] / lambda, a[2] / lambda};
        }
        Grid3D scaled = new Grid3D(Cell.ofBohr(scaledVectors), grid.n1(), grid.n2(), grid.n3());
        RealField density = TestDensities.smooth(grid, 31, 0.04, true);
        RealField scaledDensity = RealField.wrap(scaled, density.times(lambda * lambda * lambda).values());
        double n0 = density.integral() / grid.measure();
        double energy = new WangTeter(operators(grid), n0).energy(density);
        double scaledEnergy = new WangTeter(operators(scaled), lambda * lambda * lambda * n0).energy(scaledDensity);
        assertEquals(lambda * lambda * energy, scaledEnergy, 1e-13 * Math.abs(scaledEnergy));
        double followed = WangTeter.followingCellAverage(operators(scaled)).energy(scaledDensity);
        assertEquals(lambda * lambda * energy, followed, 1e-13 * Math.abs(followed));
    }

    @Test
    void refusesNegativeAndNaNDensities() {
        Grid3D grid = TestDensities.grid3D();
        WangTeter functional = new WangTeter(operators(grid), 0.05);
        RealField negative = TestDensities.smooth(grid, 11, 0.05, true);
        negative.values()[3] = -1e-3;
        negative.values()[40] = -2e-3;
        negative.values()[41] = -1e-9;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> functional.energyAndPotential(negative, RealField.zeros(grid)));
        assertTrue(error.getMessage().contains("wang_teter") && error.getMessage().contains("negative at 3 of"),
                error.getMessage());
        RealField nan = TestDensities.smooth(grid, 11, 0.05, true);
        nan.values()[7] = Double.NaN;
        nan.values()[8] = Double.NaN;
        error = assertThrows(IllegalArgumentException.class, () -> functional.energy(nan));
        assertTrue(error.getMessage().contains("wang_teter") && error.getMessage().contains("has 2 NaN"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WangTeter(operators(grid), 0.0));
        assertThrows(IllegalArgumentException.class, () -> new WangTeter(operators(grid), Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> WangTeter.followingCellAverage(operators(grid)).energy(RealField.zeros(grid)));
    }
}
