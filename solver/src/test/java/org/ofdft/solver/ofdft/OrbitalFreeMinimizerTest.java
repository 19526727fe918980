package org.ofdft.solver.ofdft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.hartree.Hartree3D;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer.Method;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer.Options;

class OrbitalFreeMinimizerTest {

    private static JavaFftBackend backend;

    @BeforeAll
    static void startBackend() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    // ---------------------------------------------------------------- 1D: exact answers

    private static final double OMEGA = 1.0;

    private static BoxGrid1D box() {
        return Grid1D.box(-8.0, 8.0, 159);
    }

    private static RealField harmonic(Grid1D grid) {
        double[] v = new double[grid.size()];
        for (int j = 0; j < v.length; j++) {
            double x = grid.coordinate(j);
            v[j] = 0.5 * OMEGA * OMEGA * x * x;
        }
        return RealField.wrap(grid, v);
    }

    /** Lowest eigenpair of −½L + v as a dense matrix; the eigenvector normalized to Σψ²h = 1, positive. */
    private static double[] groundState(Grid1D grid, int order, RealField v, double[] eigenvalue) {
        int size = grid.size();
        Laplacian laplacian = Laplacian.finiteDifference(grid, order);
        double[][] h = new double[size][size];
        double[] unit = new double[size];
        double[] column = new double[size];
        for (int k = 0; k < size; k++) {
            unit[k] = 1.0;
            laplacian.apply(unit, column);
            unit[k] = 0.0;
            for (int j = 0; j < size; j++) {
                h[j][k] = -0.5 * column[j];
            }
            h[k][k] += v.get(k);
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(h, false));
        double[] values = eigen.getRealEigenvalues();
        int lowest = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[lowest]) {
                lowest = i;
            }
        }
        eigenvalue[0] = values[lowest];
        double[] psi = eigen.getEigenvector(lowest).toArray();
        double norm = 0;
        double sum = 0;
        for (double value : psi) {
            norm += value * value;
            sum += value;
        }
        double scale = Math.signum(sum) / Math.sqrt(norm * grid.spacing());
        for (int j = 0; j < size; j++) {
            psi[j] *= scale;
        }
        return psi;
    }

    private static TotalFunctional vonWeizsackerInWell(Grid1D grid, int order) {
        return new TotalFunctional(List.of(new VonWeizsacker(Laplacian.finiteDifference(grid, order), 1.0),
                new ExternalPotentialTerm(harmonic(grid))));
    }

    /**
     * E = T_vW + ∫v n with one electron: E[ψ²] = ⟨ψ|−½L + v|ψ⟩ on the grid, so the minimum is the lowest
     * eigenvalue of the same discrete Hamiltonian and the density its eigenvector squared. N = 2 electrons in
     * one orbital: T_vW is still exact, E = 2ε₀, n = 2ψ₀².
     */
    @ParameterizedTest
    @CsvSource({"LBFGS, 2, 1", "LBFGS, 6, 1", "TRUNCATED_NEWTON, 2, 1", "TRUNCATED_NEWTON, 6, 1",
            "LBFGS, 4, 2", "TRUNCATED_NEWTON, 4, 2"})
    void harmonicWellGivesTheLowestEigenstate(Method method, int order, int electrons) {
        BoxGrid1D grid = box();
        double[] eps = new double[1];
        double[] psi = groundState(grid, order, harmonic(grid), eps);
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(vonWeizsackerInWell(grid, order), method);
        RealField start = OrbitalFreeMinimizer.uniformDensity(grid, electrons);
        CalculationResult result = minimizer.minimize(start, new ConvergenceCriteria(1e-12, 1e-9, 2000));
        report("1D harmonic " + method + " order " + order + " N=" + electrons, result);

        assertTrue(result.converged(), "converged");
        assertEquals("orbital_free", result.method());
        assertEquals(electrons * eps[0], result.totalEnergy(), 1e-9, "E = N ε0");
        assertEquals(electrons, result.electrons(), 1e-12, "∫n");
        assertEquals(eps[0], result.chemicalPotential(), 1e-7, "μ = ε0");
        double maxError = 0;
        for (int j = 0; j < psi.length; j++) {
            maxError = Math.max(maxError, Math.abs(result.density().get(j) - electrons * psi[j] * psi[j]));
        }
        System.out.printf("    |E - N eps0| = %.2e, max |n - N psi0^2| = %.2e%n",
                Math.abs(result.totalEnergy() - electrons * eps[0]), maxError);
        assertTrue(maxError < 1e-6, "density error " + maxError);
        // per-term energies: kinetic + external = total
        assertEquals(result.totalEnergy(), result.energies().term("von_weizsacker")
                + result.energies().term("external"), 1e-12);
        // exact analytic check of the continuum limit, loosely: ε0 ≈ ω/2
        assertEquals(0.5 * OMEGA, eps[0], order == 2 ? 2e-3 : 1e-5);
    }

    // ---------------------------------------------------------------- 3D periodic: TF + vW + smooth potential

    private static Cell fccPrimitive() {
        double h = 7.65339080963956 / 2;
        return Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
    }

    /** v(r) = −A Σ_i cos(b_i·r) − B cos((b1 + b2 − b3)·r) + c: smooth, periodic. */
    private static RealField smoothPotential(Grid3D grid, double amplitude, double constant) {
        Cell cell = grid.cell();
        double[][] b = {cell.reciprocalVector(0), cell.reciprocalVector(1), cell.reciprocalVector(2)};
        double[] v = new double[grid.size()];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    double sum = 0;
                    for (double[] g : b) {
                        sum += Math.cos(g[0] * r[0] + g[1] * r[1] + g[2] * r[2]);
                    }
                    double[] g4 = {b[0][0] + b[1][0] - b[2][0], b[0][1] + b[1][1] - b[2][1],
                        b[0][2] + b[1][2] - b[2][2]};
                    sum += 0.5 * Math.cos(g4[0] * r[0] + g4[1] * r[1] + g4[2] * r[2] + 0.3);
                    v[grid.index(i1, i2, i3)] = -amplitude * sum + constant;
                }
            }
        }
        return RealField.wrap(grid, v);
    }

    private static TotalFunctional thomasFermiVonWeizsacker(SpectralOperators operators, RealField external) {
        return new TotalFunctional(List.of(new ThomasFermi(operators.grid(), SpinTreatment.UNPOLARIZED),
                new VonWeizsacker(Laplacian.spectral(operators), 1.0), new ExternalPotentialTerm(external)));
    }

    @Test
    void periodicCellBothOptimizersAgree() {
        Grid3D grid = new Grid3D(fccPrimitive(), 12, 12, 12);
        double electrons = 3.0;
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            RealField external = smoothPotential(grid, 0.3, 0.0);
            TotalFunctional functional = thomasFermiVonWeizsacker(operators, external);
            ConvergenceCriteria criteria = new ConvergenceCriteria(1e-11, 1e-8, 1000);
            double[] energies = new double[2];
            RealField[] densities = new RealField[2];
            Method[] methods = Method.values();
            for (int m = 0; m < methods.length; m++) {
                OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(functional, methods[m]);
                CalculationResult result = minimizer.minimize(
                        OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
                report("3D TF+vW+v " + methods[m], result);
                assertTrue(result.converged(), methods[m] + " converged");
                energies[m] = result.totalEnergy();
                densities[m] = result.density();
                // ∫n = N to round-off
                assertEquals(electrons, result.density().integral(), 1e-12 * electrons, "∫n");
                assertEquals(electrons, result.electrons(), 1e-12 * electrons);
                assertTrue(result.density().min() > 0, "positive density");
                // Euler–Lagrange equation δE/δn = μ at every point
                RealField potential = RealField.zeros(grid);
                double energy = functional.energyAndPotential(result.density(), potential);
                assertEquals(result.totalEnergy(), energy, 1e-12);
                double mu = result.chemicalPotential();
                double deviation = 0;
                for (int j = 0; j < grid.size(); j++) {
                    deviation = Math.max(deviation, Math.abs(potential.get(j) - mu));
                }
                assertTrue(deviation < 1e-7, methods[m] + ": max |δE/δn − μ| = " + deviation);
                // the history is consistent: evaluations grow, last energy is the total
                List<ConvergenceStep> history = result.history();
                assertEquals(0, history.get(0).iteration());
                assertEquals(result.totalEnergy(), history.get(history.size() - 1).energy(), 0.0);
                for (int i = 1; i < history.size(); i++) {
                    assertTrue(history.get(i).evaluations() > history.get(i - 1).evaluations());
                    assertEquals(i, history.get(i).iteration());
                }
            }
            assertEquals(energies[0], energies[1], 1e-9, "L-BFGS vs truncated Newton");
            double difference = densities[0].minus(densities[1]).maxAbs();
            assertTrue(difference < 1e-6, "densities differ by " + difference);
        }
    }

    /**
     * An aluminium-like crystal without a pseudopotential: three electrons per fcc primitive cell bound by
     * Gaussian ion charges (σ = 0.8 bohr, potential from the Poisson equation), with TF + vW + Wang–Teter,
     * Hartree and LDA — every kind of term the production runs use. Both optimizers reach the same minimum.
     */
    @Test
    void aluminiumLikeCrystalWithHartreeXcAndWangTeter() {
        Grid3D grid = new Grid3D(fccPrimitive(), 12, 12, 12);
        double electrons = 3.0;
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            TotalFunctional functional = new TotalFunctional(List.of(
                    new ThomasFermi(grid, SpinTreatment.UNPOLARIZED),
                    new VonWeizsacker(Laplacian.spectral(operators), 1.0),
                    new WangTeter(operators, electrons / grid.measure()),
                    new Hartree3D(operators),
                    LdaFunctional.slaterPz81(grid),
                    new ExternalPotentialTerm(gaussianIons(grid, operators, electrons, 0.8))));
            ConvergenceCriteria criteria = new ConvergenceCriteria(1e-11, 1e-8, 500);
            double[] energies = new double[2];
            double[] chemicalPotentials = new double[2];
            Method[] methods = Method.values();
            for (int m = 0; m < methods.length; m++) {
                CalculationResult result = new OrbitalFreeMinimizer(functional, methods[m])
                        .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
                report("3D Al-like WT+H+LDA " + methods[m], result);
                assertTrue(result.converged(), methods[m] + " converged");
                energies[m] = result.totalEnergy();
                chemicalPotentials[m] = result.chemicalPotential();
                assertEquals(List.of("thomas_fermi", "von_weizsacker", "wang_teter", "hartree", "xc", "external"),
                        List.copyOf(result.energies().terms().keySet()));
                assertEquals(electrons, result.electrons(), 1e-12 * electrons);
            }
            assertEquals(energies[0], energies[1], 1e-9, "L-BFGS vs truncated Newton");
            assertEquals(chemicalPotentials[0], chemicalPotentials[1], 1e-7);
        }
    }

    /**
     * The minimizer's own grid loops on three workers reach the serial minimum. The partial sums are added
     * in another order, so the iterates differ at round-off level and the stopping test may fire one
     * iteration earlier or later: the bound is what the convergence criteria guarantee (as for the two
     * optimizers above).
     */
    @Test
    void workerThreadsGiveTheSerialMinimum() {
        Grid3D grid = new Grid3D(fccPrimitive(), 12, 12, 12);
        double electrons = 3.0;
        try (SpectralOperators operators = new SpectralOperators(grid, backend);
             ParallelRange workers = new ParallelRange(3, "minimizer-test")) {
            TotalFunctional functional = thomasFermiVonWeizsacker(operators, smoothPotential(grid, 0.3, 0.0));
            ConvergenceCriteria criteria = new ConvergenceCriteria(1e-11, 1e-8, 1000);
            for (Method method : Method.values()) {
                CalculationResult serial = new OrbitalFreeMinimizer(functional, Options.defaults(method))
                        .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
                CalculationResult threaded = new OrbitalFreeMinimizer(functional, Options.defaults(method), workers)
                        .minimize(OrbitalFreeMinimizer.uniformDensity(grid, electrons), criteria);
                assertTrue(serial.converged() && threaded.converged(), method + " converged");
                assertEquals(serial.totalEnergy(), threaded.totalEnergy(), 1e-9, method + " energy");
                double difference = serial.density().minus(threaded.density()).maxAbs();
                assertTrue(difference < 1e-6, method + ": densities differ by " + difference);
            }
        }
    }

    /** −v_H of Gaussian charges (total {@code charge}) of width σ at the lattice points. */
    private static RealField gaussianIons(Grid3D grid, SpectralOperators operators, double charge, double sigma) {
        Cell cell = grid.cell();
        double[] rho = new double[grid.size()];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    double sum = 0;
                    for (int a = -2; a <= 2; a++) {
                        for (int b = -2; b <= 2; b++) {
                            for (int c = -2; c <= 2; c++) {
                                double[] lattice = cell.toCartesian(new double[] {a, b, c});
                                double dx = r[0] - lattice[0];
                                double dy = r[1] - lattice[1];
                                double dz = r[2] - lattice[2];
                                sum += Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * sigma * sigma));
                            }
                        }
                    }
                    rho[grid.index(i1, i2, i3)] = sum;
                }
            }
        }
        RealField field = RealField.wrap(grid, rho);
        field.scaleInPlace(charge / field.integral());
        double[] potential = new double[grid.size()];
        operators.solvePoisson(rho, potential);
        return RealField.wrap(grid, potential).scaleInPlace(-1.0);
    }

    /** With a constant external potential the uniform density N/V is the minimum of TF + vW + ∫v n. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void uniformPotentialGivesUniformDensity(Method method) {
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 10, 10, 10);
        double electrons = 2.0;
        double constant = -0.7;
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            TotalFunctional functional = thomasFermiVonWeizsacker(operators, RealField.constant(grid, constant));
            // a lumpy start with N = 2 (rescaled by the minimizer)
            RealField start = smoothPotential(grid, 0.2, 1.0);
            CalculationResult result = new OrbitalFreeMinimizer(functional, method)
                    .minimize(start, electrons, new ConvergenceCriteria(1e-12, 1e-9, 1000), null);
            report("3D uniform " + method, result);
            assertTrue(result.converged());
            double n0 = electrons / grid.measure();
            double maxDeviation = result.density().copy().addScaledInPlace(-1.0, RealField.constant(grid, n0))
                    .maxAbs();
            assertTrue(maxDeviation < 1e-9, "density deviates from N/V by " + maxDeviation);
            double cTf = ThomasFermi.coefficient(3, SpinTreatment.UNPOLARIZED);
            double exact = cTf * Math.pow(n0, 5.0 / 3.0) * grid.measure() + constant * electrons;
            assertEquals(exact, result.totalEnergy(), 1e-10);
            assertEquals(5.0 / 3.0 * cTf * Math.pow(n0, 2.0 / 3.0) + constant, result.chemicalPotential(), 1e-8);
        }
    }

    /** Starting at the exact minimum: the gradient vanishes, the run stops at once and converges. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void startingAtTheMinimumConverges(Method method) {
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 8, 8, 8);
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            TotalFunctional functional = thomasFermiVonWeizsacker(operators, RealField.constant(grid, 0.1));
            CalculationResult result = new OrbitalFreeMinimizer(functional, method)
                    .minimize(OrbitalFreeMinimizer.uniformDensity(grid, 4.0), new ConvergenceCriteria(1e-10, 1e-8, 50));
            assertTrue(result.converged());
            assertTrue(result.history().size() <= 3, "steps: " + result.history().size());
        }
    }

    // ---------------------------------------------------------------- API behaviour

    @Test
    void nonConvergenceReturnsHistoryWithoutThrowing() {
        BoxGrid1D grid = box();
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(vonWeizsackerInWell(grid, 4), Method.LBFGS);
        List<ConvergenceStep> seen = new ArrayList<>();
        CalculationResult result = minimizer.minimize(OrbitalFreeMinimizer.uniformDensity(grid, 1.0), Double.NaN,
                new ConvergenceCriteria(1e-14, 1e-14, 3), seen::add);
        assertFalse(result.converged());
        assertEquals(4, result.history().size(), "iteration 0 and three steps");
        assertEquals(result.history(), seen, "progress callback sees every entry");
        assertEquals(1, seen.get(0).evaluations());
        assertEquals(seen.get(0).energy(), seen.get(0).energyChange(), 0.0);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).energy() < seen.get(i - 1).energy(), "energy decreases");
        }
        assertNull(result.eigenvalues());
        assertEquals(1.0, result.electrons(), 1e-12);
    }

    /**
     * The work arrays are allocated by the constructor: a run of many iterations on a large grid allocates
     * about one grid-sized array (the returned density), not one per iteration.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void iterationsAllocateNoGridSizedArrays(Method method) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        BoxGrid1D grid = Grid1D.box(-8.0, 8.0, 100_000);
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(vonWeizsackerInWell(grid, 2), method);
        RealField start = OrbitalFreeMinimizer.uniformDensity(grid, 1.0);
        ConvergenceCriteria criteria = new ConvergenceCriteria(1e-14, 1e-14, 20);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        CalculationResult result = minimizer.minimize(start, criteria);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long arrayBytes = 8L * grid.size();
        assertTrue(result.history().get(result.history().size() - 1).evaluations() > 20);
        assertTrue(allocated < 2 * arrayBytes, method + " allocated " + allocated + " bytes in "
                + result.history().size() + " iterations; one grid array is " + arrayBytes);
    }

    @Test
    void invalidStartingDensitiesAreRefusedWithTheirCount() {
        BoxGrid1D grid = box();
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(vonWeizsackerInWell(grid, 2),
                Method.TRUNCATED_NEWTON);
        ConvergenceCriteria criteria = new ConvergenceCriteria(1e-10, 1e-8, 10);
        double[] values = OrbitalFreeMinimizer.uniformDensity(grid, 1.0).values();
        values[3] = -1e-3;
        values[7] = Double.NaN;
        values[9] = Double.POSITIVE_INFINITY;
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> minimizer.minimize(RealField.wrap(grid, values), criteria));
        assertTrue(bad.getMessage().contains("3 negative, NaN or infinite values"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> minimizer.minimize(RealField.zeros(grid), criteria));
        assertThrows(IllegalArgumentException.class,
                () -> minimizer.minimize(OrbitalFreeMinimizer.uniformDensity(grid, 1.0), -2.0, criteria, null));
        assertThrows(IllegalArgumentException.class,
                () -> minimizer.minimize(RealField.constant(Grid1D.box(-8, 8, 99), 0.1), criteria));
        assertThrows(IllegalArgumentException.class, () -> Method.parse("sd"));
        assertEquals(Method.TRUNCATED_NEWTON, Method.parse("TN"));
        assertEquals(Method.LBFGS, Method.parse("lbfgs"));
    }

    @Test
    void nonTotalFunctionalReportsOneTerm() {
        BoxGrid1D grid = box();
        DensityFunctional single = new DensityFunctional() {
            private final TotalFunctional inner = vonWeizsackerInWell(grid, 2);

            @Override
            public String name() {
                return "model";
            }

            @Override
            public org.ofdft.grids.Grid grid() {
                return grid;
            }

            @Override
            public double energyAndPotential(RealField density, RealField potential) {
                return inner.energyAndPotential(density, potential);
            }
        };
        CalculationResult result = new OrbitalFreeMinimizer(single, Method.TRUNCATED_NEWTON)
                .minimize(OrbitalFreeMinimizer.uniformDensity(grid, 1.0), new ConvergenceCriteria(1e-10, 1e-7, 200));
        assertTrue(result.converged());
        assertEquals(result.totalEnergy(), result.energies().term("model"), 0.0);
    }

    static void report(String label, CalculationResult result) {
        ConvergenceStep last = result.history().get(result.history().size() - 1);
        System.out.printf("%-40s converged=%s steps=%d evaluations=%d E=%.12f residual=%.2e wall=%.3fs%n", label,
                result.converged(), last.iteration(), last.evaluations(), result.totalEnergy(), last.residual(),
                result.wallSeconds());
    }
}
