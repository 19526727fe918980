package org.ofdft.solver.ofdft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.external.Ewald;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.external.TabulatedFormFactor;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer.Method;

/**
 * fcc Al, 1-atom primitive cell, a = 4.05 Å = 7.65339080963956 bohr, BLPS al.lda.recpot, 16³ grid, LDA
 * (Slater + PZ81), against DFTpy (commit 8a6f0d148f12; shared/validation/dftpy/r10_prim_*_ec40.log, numbers in validation-data/dftpy):
 * TF + vW −2.111799678179 Ha, Wang–Teter (n₀ = N/V) −2.128701365830 Ha. Totals include the Ewald energy.
 */
class AluminiumDftpyAgreementTest {

    private static final double A = 7.65339080963956;
    /** The bundled BLPS file (examples/data/README.md), relative to the solver module (Maven's working directory). */
    private static final Path RECPOT = Path.of("../examples/data/al.lda.recpot");

    private static JavaFftBackend backend;

    @BeforeAll
    static void startBackend() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @ParameterizedTest
    @CsvSource({"tfvw, LBFGS, -2.111799678179", "tfvw, TRUNCATED_NEWTON, -2.111799678179",
            "wt, LBFGS, -2.128701365830", "wt, TRUNCATED_NEWTON, -2.128701365830"})
    void primitiveCellMatchesDftpy(String kinetic, Method method, double dftpy) throws IOException {
        TabulatedFormFactor aluminium = RecpotReader.read(RECPOT);
        double h = A / 2;
        Cell cell = Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
        Structure structure = Structure.fromFractional(cell, List.of("Al"), new double[][] {{0, 0, 0}});
        Grid3D grid = new Grid3D(cell, 16, 16, 16);
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            LocalPseudopotentialFunctional pseudo = new LocalPseudopotentialFunctional(operators, structure,
                    Map.of("Al", aluminium));
            double electrons = pseudo.valenceElectrons();
            assertEquals(3.0, electrons, 0.0);
            List<DensityFunctional> terms = new ArrayList<>();
            if (kinetic.equals("wt")) {
                terms.addAll(WangTeter.total(operators, electrons / grid.measure()).terms());
            } else {
                terms.add(new ThomasFermi(grid, SpinTreatment.UNPOLARIZED));
                terms.add(new VonWeizsacker(Laplacian.spectral(operators), 1.0));
            }
            terms.add(new Hartree3D(operators));
            terms.add(LdaFunctional.slaterPz81(grid));
            terms.add(pseudo);
            double ewald = Ewald.ofPseudopotentials(structure, Map.of("Al", aluminium)).energy();
            TotalFunctional functional = new TotalFunctional(terms, Map.of("ewald", ewald));

            CalculationResult result = new OrbitalFreeMinimizer(functional, method).minimize(
                    OrbitalFreeMinimizer.uniformDensity(grid, electrons), new ConvergenceCriteria(1e-10, 1e-7, 500));
            OrbitalFreeMinimizerTest.report("Al prim 16^3 " + kinetic + " " + method, result);
            System.out.printf("    E - E_DFTpy = %.3e Ha, mu = %.10f, terms %s%n", result.totalEnergy() - dftpy,
                    result.chemicalPotential(), result.energies().terms());
            assertTrue(result.converged());
            assertEquals(electrons, result.electrons(), 1e-12);
            // the target is 1e-5 Ha/atom; the minimizers reach DFTpy's energy to ~4e-11 Ha
            assertEquals(dftpy, result.totalEnergy(), 1e-8, "Ha per atom (one atom)");

            if (method == Method.TRUNCATED_NEWTON) {
                // the jellium preconditioner changes the path, not the minimum, and needs fewer evaluations
                CalculationResult preconditioned = new OrbitalFreeMinimizer(functional,
                        OrbitalFreeMinimizer.Options.defaults(method), ParallelRange.serial(),
                        JelliumPreconditioner.coulomb3D(operators, electrons))
                        .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons),
                                new ConvergenceCriteria(1e-10, 1e-7, 500));
                OrbitalFreeMinimizerTest.report("Al prim 16^3 " + kinetic + " TN + jellium preconditioner",
                        preconditioned);
                assertTrue(preconditioned.converged());
                assertEquals(dftpy, preconditioned.totalEnergy(), 1e-8, "Ha per atom, preconditioned");
                int plain = result.history().get(result.history().size() - 1).evaluations();
                int fewer = preconditioned.history().get(preconditioned.history().size() - 1).evaluations();
                assertTrue(fewer < plain, "preconditioned TN used " + fewer + " evaluations, plain " + plain);
            }
        }
    }
}
