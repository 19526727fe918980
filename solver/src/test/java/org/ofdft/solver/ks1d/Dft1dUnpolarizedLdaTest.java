package org.ofdft.solver.ks1d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.hartree.Hartree1D;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.functionals.model1d.ModelPotentials1D;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.mixing.PulayMixing;

/**
 * Self-consistent 1D LDA ions against pedersor/DFT_1d's {@code ions/unpol_lda} data
 * ({@code validation-data/dft1d/unpol_lda/}, README there): H, He⁺, Li²⁺, Be³⁺, He, Li⁺, Be²⁺, Li, Be⁺, Be
 * on 513 points, h = 0.08, exponential interaction, {@link LdaFunctional#exponential1D}, spin-unpolarized,
 * 3-point kinetic stencil, the stored external potential as v_ext.
 *
 * <p>Tolerances: the stored total energies are float32 (≈ 5e-7 Ha at |E| ≈ 6), and the stored densities
 * are self-consistent only to ∫|n_out − n_ref| = 8e-6–5e-4 (Be²⁺: 4e-3, a less converged reference).
 * Our converged energies lie 3e-6–2.2e-4 Ha above the stored ones (Be²⁺: 2.3e-3), about half the stored
 * density's own residual: first order in it, while the Kohn–Sham energy is second order (one step from the
 * stored density already gives our converged energy to 1e-8), so the stored energies carry the
 * generator's convergence error. The README of the data set has the table and the argument. Per-row
 * tolerances: 2.5e-4 Ha, and 2.5e-3 Ha for Be²⁺; ∫|n − n_ref| ≤ 1e-3 (Be²⁺ 1e-2), measured ≤ 4.9e-4
 * (Be²⁺ 3.9e-3). The measured table is printed by {@link #reproducesStoredEnergies}.
 */
class Dft1dUnpolarizedLdaTest {

    private static final Path DATA = Path.of("..", "validation-data", "dft1d", "unpol_lda");
    private static final String[] NAMES = {"H", "He+", "Li2+", "Be3+", "He", "Li+", "Be2+", "Li", "Be+", "Be"};
    /** |E − E_ref| bounds (hartree) per row, see the class comment. */
    private static final double[] ENERGY_TOLERANCE = {2.5e-4, 2.5e-4, 2.5e-4, 2.5e-4, 2.5e-4, 2.5e-4, 2.5e-3,
            2.5e-4, 2.5e-4, 2.5e-4};
    /** ∫|n − n_ref| bounds per row (measured values are at most half of these). */
    private static final double[] DENSITY_TOLERANCE = {1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 1e-2, 1e-3, 1e-3,
            1e-3};

    private static Map<String, NpyArray> data;
    private static BoxGrid1D grid;

    @BeforeAll
    static void load() throws IOException {
        data = Npy.readDirectory(DATA);
        grid = Grid1D.box(-20.56, 20.56, 513);
    }

    @Test
    void gridAndExternalPotentialsMatchTheModel() {
        double[] x = data.get("grids").values();
        assertEquals(513, x.length);
        for (int j = 0; j < x.length; j++) {
            assertEquals(x[j], grid.coordinate(j), 1e-12);
        }
        NpyArray potentials = data.get("external_potentials");
        assertArrayEquals(new int[] {10, 513}, potentials.shape());
        double[] charges = data.get("nuclear_charges").values();
        double[] locations = data.get("locations").values();
        Interaction1D exponential = Interaction1D.exponential();
        for (int row = 0; row < NAMES.length; row++) {
            RealField model = ModelPotentials1D.nuclei(grid, new double[] {charges[row]},
                    new double[] {locations[row]}, exponential);
            double[] stored = potentials.row(row);
            for (int j = 0; j < stored.length; j++) {
                assertEquals(stored[j], model.get(j), 1e-12 * Math.abs(stored[j]) + 1e-15, NAMES[row] + " at x_" + j);
            }
        }
    }

    @Test
    void reproducesStoredEnergies() {
        NpyArray potentials = data.get("external_potentials");
        NpyArray densities = data.get("densities");
        double[] electrons = data.get("num_electrons").values();
        double[] energies = data.get("total_energies").values();
        JavaFftBackend fft = new JavaFftBackend(1);
        List<DensityFunctional> interaction = List.of(new Hartree1D(grid, Interaction1D.exponential(), fft),
                LdaFunctional.exponential1D(grid));
        KohnSham1D ks = new KohnSham1D(grid, 2, SpinTreatment.UNPOLARIZED, interaction);
        ConvergenceCriteria criteria = new ConvergenceCriteria(1e-11, 1e-8, 100);
        StringBuilder table = new StringBuilder(String.format("%-5s %3s %14s %14s %11s %11s %5s%n", "ion", "N",
                "E (Ha)", "E_ref (Ha)", "E - E_ref", "int|n-nref|", "iter"));
        double h = grid.spacing();
        for (int row = 0; row < NAMES.length; row++) {
            RealField vExt = RealField.wrap(grid, potentials.row(row));
            CalculationResult result = ks.solve(vExt, electrons[row], new PulayMixing(8, 0.5, h), criteria);
            assertTrue(result.converged(), NAMES[row] + " did not converge: " + result.history());
            assertEquals(electrons[row], result.electrons(), 1e-10);
            double[] reference = densities.row(row);
            double[] n = result.density().values();
            double l1 = 0;
            for (int j = 0; j < n.length; j++) {
                l1 += Math.abs(n[j] - reference[j]) * h;
            }
            double difference = result.totalEnergy() - energies[row];
            table.append(String.format("%-5s %3d %14.8f %14.8f %11.2e %11.2e %5d%n", NAMES[row], (int) electrons[row],
                    result.totalEnergy(), energies[row], difference, l1, result.iterations()));
            assertEquals(energies[row], result.totalEnergy(), ENERGY_TOLERANCE[row], NAMES[row] + " total energy");
            assertTrue(l1 < DENSITY_TOLERANCE[row], NAMES[row] + ": ∫|n − n_ref| = " + l1);
            // The terms add up to the total.
            double sum = result.energies().terms().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(result.totalEnergy(), sum, 1e-12);
        }
        System.out.print(table);
    }

    /** One Kohn–Sham step from each stored density: ∫|n_out − n_ref| is the reference's own SCF residual. */
    @Test
    void storedDensitiesAreNearlySelfConsistent() {
        NpyArray potentials = data.get("external_potentials");
        NpyArray densities = data.get("densities");
        double[] electrons = data.get("num_electrons").values();
        List<DensityFunctional> interaction = List.of(new Hartree1D(grid, Interaction1D.exponential(),
                new JavaFftBackend(1)), LdaFunctional.exponential1D(grid));
        KohnSham1D ks = new KohnSham1D(grid, 2, SpinTreatment.UNPOLARIZED, interaction);
        ConvergenceCriteria oneStep = new ConvergenceCriteria(1e-11, 1e-8, 1);
        for (int row = 0; row < NAMES.length; row++) {
            RealField start = RealField.wrap(grid, densities.row(row));
            CalculationResult result = ks.solve(RealField.wrap(grid, potentials.row(row)), electrons[row], start,
                    new PulayMixing(8, 0.5, grid.spacing()), oneStep);
            double residual = result.history().get(0).residual();
            // Measured 7.6e-6 (Be) … 5.0e-4 (Li⁺), and 3.9e-3 for Be²⁺.
            assertTrue(residual < (row == 6 ? 5e-3 : 6e-4), NAMES[row] + ": residual " + residual);
        }
    }
}
