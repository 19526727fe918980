package org.ofdft.solver.ks1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.hartree.Hartree1D;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.model1d.ModelPotentials1D;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.mixing.LinearMixing;
import org.ofdft.solver.mixing.PulayMixing;

class KohnSham1DTest {

    private static RealField wells(Grid1D grid) {
        return ModelPotentials1D.gaussianWells(grid, new double[] {5.0, 3.5}, new double[] {-1.2, 1.5},
                new double[] {0.8, 1.1});
    }

    /**
     * One occupied orbital: n = gφ², and T_s = g⟨φ|−½L|φ⟩ = −½ Σ √n L√n h = T_vW[n] with the same
     * stencil, term by term (the ground state has no node, so √n = √g·|φ| = √g·φ up to round-off in the
     * far tails where higher-order stencils let it change sign at the 1e-20 level).
     */
    @ParameterizedTest
    @CsvSource({"2, SPINLESS, false", "4, SPINLESS, false", "6, SPINLESS, false", "2, UNPOLARIZED, false",
            "6, UNPOLARIZED, false", "2, SPINLESS, true", "4, UNPOLARIZED, true", "6, SPINLESS, true"})
    void oneOrbitalKineticEnergyIsVonWeizsacker(int order, SpinTreatment spin, boolean periodic) {
        Grid1D grid = periodic ? Grid1D.periodic(-8, 16, 200) : Grid1D.box(-8, 8, 199);
        KohnSham1D ks = new KohnSham1D(grid, order, spin, List.of());
        CalculationResult result = ks.solveNonInteracting(wells(grid), spin.degeneracy());
        double kinetic = result.energies().term("kinetic");
        double vonWeizsacker = new VonWeizsacker(Laplacian.finiteDifference(grid, order), 1.0)
                .energy(result.density());
        // Spinless: n = φ², √n = |φ| exactly; unpolarized: √(2φ²) = √2·φ·(1 + O(ε)) point by point. Either
        // way the two sums have terms of size g‖L‖ (‖L‖ = Σ|c_k|/h²) that cancel down to T, and they add them
        // in different orders (T_s left to right, T_vW in four interleaved partial sums, ArrayMath.dot):
        // round-off of order ε·g‖L‖ (measured up to 2.4e-14 here, against a bound of 2.9e-12).
        double normL = 0;
        org.ofdft.grids.FiniteDifference1D stencil = new org.ofdft.grids.FiniteDifference1D(order);
        for (int k = -stencil.halfBandwidth(); k <= stencil.halfBandwidth(); k++) {
            normL += Math.abs(stencil.coefficient(k)) / (grid.spacing() * grid.spacing());
        }
        double tolerance = 2 * Math.ulp(1.0) * spin.degeneracy() * normL;
        assertEquals(kinetic, vonWeizsacker, tolerance, "T_s vs T_vW");
        assertTrue(kinetic > 0.3 * spin.degeneracy(), "kinetic energy " + kinetic);
    }

    /** Σ f_i ε_i = T_s + ∫ v n for non-interacting electrons; orbitals orthonormal on the grid. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6})
    void nonInteractingEnergiesAndOrbitals(int order) {
        Grid1D grid = Grid1D.box(-8, 8, 255);
        KohnSham1D ks = new KohnSham1D(grid, order, SpinTreatment.UNPOLARIZED, List.of(), 2);
        CalculationResult result = ks.solveNonInteracting(wells(grid), 5);
        assertArrayEquals(new double[] {2, 2, 1, 0, 0}, result.occupations(), 0.0);
        assertEquals(5, result.electrons(), 1e-12);
        double bandEnergy = 0;
        for (int i = 0; i < result.eigenvalues().length; i++) {
            bandEnergy += result.occupations()[i] * result.eigenvalues()[i];
        }
        assertEquals(bandEnergy, result.totalEnergy(), 1e-11);
        assertEquals(result.energies().term("kinetic") + result.energies().term("external"), result.totalEnergy(), 0);
        assertEquals(KohnSham1D.METHOD, result.method());
        assertTrue(result.converged());

        KohnShamOrbitals orbitals = ks.lastOrbitals();
        double h = grid.spacing();
        for (int i = 0; i < orbitals.count(); i++) {
            for (int k = 0; k <= i; k++) {
                double overlap = 0;
                for (int j = 0; j < grid.size(); j++) {
                    overlap += orbitals.orbitals()[i][j] * orbitals.orbitals()[k][j] * h;
                }
                assertEquals(i == k ? 1 : 0, overlap, 1e-12);
            }
        }
        double[] density = new double[grid.size()];
        orbitals.density(density);
        assertArrayEquals(result.density().values(), density, 1e-14);
    }

    /** Free electrons on a ring: ε = −½ (1/h²) Σ_k c_|k| e^{ikqh}, q = 2πm/L, each m ≠ 0 twice. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6})
    void freeElectronsOnARing(int order) {
        double length = 10.0;
        int points = 64;
        Grid1D grid = Grid1D.periodic(0, length, points);
        KohnSham1D ks = new KohnSham1D(grid, order, SpinTreatment.SPINLESS, List.of(), 0);
        KohnShamOrbitals orbitals = ks.orbitals(new double[points], 7);
        org.ofdft.grids.FiniteDifference1D stencil = new org.ofdft.grids.FiniteDifference1D(order);
        double h = grid.spacing();
        int[] modes = {0, 1, 1, 2, 2, 3, 3};
        for (int i = 0; i < 7; i++) {
            double q = 2 * Math.PI * modes[i] / length;
            double symbol = stencil.coefficient(0);
            for (int k = 1; k <= stencil.halfBandwidth(); k++) {
                symbol += 2 * stencil.coefficient(k) * Math.cos(k * q * h);
            }
            assertEquals(-0.5 * symbol / (h * h), orbitals.eigenvalues()[i], 1e-12, "level " + i);
        }
    }

    @Test
    void aufbauOccupations() {
        assertArrayEquals(new double[] {2, 2, 1}, Occupations.aufbau(5, SpinTreatment.UNPOLARIZED), 0);
        assertArrayEquals(new double[] {2, 2}, Occupations.aufbau(4, SpinTreatment.UNPOLARIZED), 0);
        assertArrayEquals(new double[] {1}, Occupations.aufbau(1, SpinTreatment.UNPOLARIZED), 0);
        assertArrayEquals(new double[] {1, 1, 1}, Occupations.aufbau(3, SpinTreatment.SPINLESS), 0);
        assertArrayEquals(new double[] {2, 0.5}, Occupations.aufbau(2.5, SpinTreatment.UNPOLARIZED), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Occupations.aufbau(0, SpinTreatment.SPINLESS));
    }

    private static KohnSham1D interacting(Grid1D grid) {
        List<DensityFunctional> terms = List.of(new Hartree1D(grid, Interaction1D.exponential(), new JavaFftBackend(1)),
                LdaFunctional.exponential1D(grid));
        return new KohnSham1D(grid, 2, SpinTreatment.UNPOLARIZED, terms);
    }

    /** A run that hits maxIterations returns converged = false and its history, without throwing. */
    @Test
    void nonConvergedRunReturnsItsHistory() {
        Grid1D grid = Grid1D.box(-12, 12, 299);
        RealField v = ModelPotentials1D.nuclei(grid, new double[] {3}, new double[] {0}, Interaction1D.exponential());
        KohnSham1D ks = interacting(grid);
        ConvergenceCriteria criteria = new ConvergenceCriteria(1e-10, 1e-8, 3);
        CalculationResult result = ks.solve(v, 3, new LinearMixing(0.3), criteria);
        assertFalse(result.converged());
        assertEquals(3, result.iterations());
        List<ConvergenceStep> history = result.history();
        for (int i = 0; i < history.size(); i++) {
            ConvergenceStep step = history.get(i);
            assertEquals(i + 1, step.iteration());
            assertTrue(step.residual() > 1e-8 && Double.isFinite(step.energy()));
            assertEquals(2 * (i + 1), step.evaluations());
            if (i > 0) {
                assertEquals(step.energy() - history.get(i - 1).energy(), step.energyChange(), 1e-14);
            }
        }
        assertEquals(history.get(0).energy(), history.get(0).energyChange(), 0);
        assertEquals(history.get(2).energy(), result.totalEnergy(), 0);
        assertNotNull(result.density());
        assertEquals(3, result.electrons(), 1e-10);

        // maxIterations = 1 is allowed too (one step, never converged: ΔE of step 1 is E itself).
        CalculationResult one = ks.solve(v, 3, new LinearMixing(0.3), new ConvergenceCriteria(1e-10, 1e-8, 1));
        assertFalse(one.converged());
        assertEquals(1, one.iterations());
    }

    /** Linear and Pulay mixing reach the same self-consistent solution; Pulay in far fewer steps. */
    @Test
    void linearAndPulayMixingAgree() {
        Grid1D grid = Grid1D.box(-12, 12, 299);
        RealField v = ModelPotentials1D.nuclei(grid, new double[] {2, 2}, new double[] {-1, 1},
                Interaction1D.exponential());
        KohnSham1D ks = interacting(grid);
        ConvergenceCriteria criteria = new ConvergenceCriteria(1e-11, 1e-8, 300);
        CalculationResult linear = ks.solve(v, 4, new LinearMixing(0.3), criteria);
        CalculationResult pulay = ks.solve(v, 4, new PulayMixing(6, 0.5, grid.spacing()), criteria);
        assertTrue(linear.converged() && pulay.converged());
        assertEquals(linear.totalEnergy(), pulay.totalEnergy(), 1e-9);
        assertTrue(pulay.iterations() < linear.iterations(),
                "Pulay " + pulay.iterations() + " vs linear " + linear.iterations() + " iterations");
        // Σ f ε = T_s + ∫ v_eff n at self-consistency ties the eigenvalues to the energy terms.
        double[] n = pulay.density().values();
        RealField vHxc = RealField.zeros(grid);
        double interaction = 0;
        for (DensityFunctional term : ks.interaction()) {
            interaction += term.energyAndPotential(pulay.density(), vHxc);
        }
        double band = 0;
        for (int i = 0; i < pulay.eigenvalues().length; i++) {
            band += pulay.occupations()[i] * pulay.eigenvalues()[i];
        }
        double vn = 0;
        for (int j = 0; j < n.length; j++) {
            vn += vHxc.get(j) * n[j] * grid.spacing();
        }
        assertEquals(pulay.totalEnergy(), band - vn + interaction, 1e-8);
        assertEquals(interaction, pulay.energies().term("hartree") + pulay.energies().term("xc"), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        Grid1D grid = Grid1D.box(-5, 5, 9);
        KohnSham1D ks = new KohnSham1D(grid, 2, SpinTreatment.SPINLESS, List.of());
        assertThrows(IllegalArgumentException.class, () -> ks.solveNonInteracting(RealField.zeros(grid), 10));
        Grid1D other = Grid1D.box(-5, 5, 11);
        assertThrows(IllegalArgumentException.class, () -> ks.solveNonInteracting(RealField.zeros(other), 1));
        assertThrows(IllegalArgumentException.class,
                () -> new KohnSham1D(Grid1D.periodic(0, 1, 6), 6, SpinTreatment.SPINLESS, List.of()));
        // Nine points hold nine spinless electrons (no unoccupied orbital left to compute: capped).
        assertEquals(9, ks.solveNonInteracting(RealField.zeros(grid), 9).eigenvalues().length);
    }
}
