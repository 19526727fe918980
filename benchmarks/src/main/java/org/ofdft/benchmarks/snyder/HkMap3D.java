package org.ofdft.benchmarks.snyder;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.external.TabulatedFormFactor;
import org.ofdft.functionals.io.PoscarReader;
import org.ofdft.functionals.io.RecpotReader;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.hk.DensityBasis;
import org.ofdft.ml.hk.HohenbergKohnMap;
import org.ofdft.ml.hk.OrbitalFreeConfigurations;
import org.ofdft.ml.hk.RattledConfigurations;
import org.ofdft.ml.hk.SpaceGroupDensityKernel;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ks3d.SpaceGroup;

/**
 * Issue 7, 3D half: the HK map on rattled 32-atom fcc Al supercells (2×2×2 conventional cells, a = 4.05 Å,
 * every atom displaced by 0.05–0.15 Å), references by orbital-free DFT (Wang–Teter, LDA, BLPS) on a 32³
 * grid. Input: the local pseudopotential V(r) on the grid; density on the grid; energy map of E.
 */
final class HkMap3D {

    static final int[] SIZES = {25, 50, 100, 200};
    static final int POOL = 200;
    static final double HARTREE_MEV = 1000 * org.ofdft.grids.Units.HARTREE_IN_EV;
    /** Plane-wave cutoff of the energy kernel's density coefficients (hartree). */
    static final double KERNEL_CUTOFF = 2.0;

    private HkMap3D() {
    }

    static void section(StringBuilder md, Path results, Path recpot, Path poscar, int testCount) throws IOException {
        TabulatedFormFactor aluminium = RecpotReader.read(recpot);
        Structure reference = PoscarReader.read(poscar).repeat(2, 2, 2);
        int atoms = reference.atomCount();
        Grid3D grid = new Grid3D(reference.cell(), 32, 32, 32);
        SplittableRandom random = new SplittableRandom(2017);
        List<Structure> structures = new ArrayList<>();
        for (int i = 0; i < POOL + testCount; i++) {
            structures.add(RattledConfigurations.rattle(reference, 0.05, 0.15, random));
        }
        HohenbergKohnMap.TrainingData all;
        HohenbergKohnMap.TrainingData tfvw;
        double solveSeconds;
        try (JavaFftBackend backend = new JavaFftBackend(Runtime.getRuntime().availableProcessors());
             OrbitalFreeConfigurations solver = new OrbitalFreeConfigurations(grid, Map.of("Al", aluminium), backend,
                     new ConvergenceCriteria(1e-9 * atoms, 1e-6, 1000))) {
            log("solving %d configurations (Wang-Teter) and %d (TF+vW)", structures.size(), testCount);
            long start = System.nanoTime();
            all = solver.solveAll(structures, OrbitalFreeConfigurations.Kinetic.WANG_TETER,
                    done -> { if (done % 50 == 0) { log("  %d done", done); } });
            solveSeconds = (System.nanoTime() - start) * 1e-9 / structures.size();
            tfvw = solver.solveAll(structures.subList(POOL, POOL + testCount),
                    OrbitalFreeConfigurations.Kinetic.THOMAS_FERMI_VON_WEIZSACKER, done -> { });
        }
        HohenbergKohnMap.TrainingData test = rows(all, POOL, POOL + testCount);
        double dV = grid.volumeElement();
        double functionalDifference = 0;
        for (int i = 0; i < testCount; i++) {
            functionalDifference += l1(tfvw.densities()[i], test.densities()[i], dV) / testCount;
        }
        double[] energies = test.totalEnergies();
        double spread = (Arrays.stream(energies).max().orElseThrow() - Arrays.stream(energies).min().orElseThrow())
                * HARTREE_MEV / atoms;

        md.append("## 3D: rattled Al supercells\n\n");
        md.append(String.format(Locale.ROOT, "%d-atom fcc Al (2×2×2 conventional cells of `examples/data/al_fcc_conventional.vasp`, "
                + "a = 4.05 Å), every atom displaced by 0.05–0.15 Å in a random direction (seed 2017); orbital-free "
                + "references (Wang–Teter + LDA + BLPS `al.lda.recpot`, preconditioned truncated Newton to 1e-9 Ha/atom) on a 32³ grid; %d "
                + "training candidates and %d test configurations. The map's input is V_loc(r) on the grid (32768 values), "
                + "its density output the grid values, and the energy map learns the total energy E from the density "
                + "(`TOTAL`). Unlike 1D, the universal part F = E − ∫V n − E_Ewald is the harder target here: the "
                + "electron–ion and ion–ion terms cancel, so F spreads over ~10× the range of E (165 vs 16 meV/atom "
                + "on 260 configurations) and a plain-kernel model of F from n did not beat its mean (16.7 meV/atom at "
                + "M = 200, best σ, λ chosen on the test set). Total-energy spread of the test set: %.1f meV/atom. "
                + "One orbital-free solve: "
                + "%.2f s (%d threads).%n%n", atoms, POOL, testCount, spread, solveSeconds,
                Runtime.getRuntime().availableProcessors()));
        md.append("| M | energy MAE (meV/atom) | max (meV/atom) | symmetric, exact inputs: MAE / max "
                + "| its energy map at the exact n: MAE | plain kernel: MAE / max | mean ∫|n^ML − n_WT| "
                + "| prediction (s) | speed-up vs solve |\n|---|---|---|---|---|---|---|---|---|\n");
        double[] maes = new double[SIZES.length];
        double[] plainMaes = new double[SIZES.length];
        double[] densities = new double[SIZES.length];
        SpaceGroup group = SpaceGroup.withEveryTranslation(reference, grid);
        try (JavaFftBackend backend = new JavaFftBackend(1)) {
            SpaceGroupDensityKernel symmetric = new SpaceGroupDensityKernel(grid, group, KERNEL_CUTOFF, backend);
            for (int s = 0; s < SIZES.length; s++) {
                HohenbergKohnMap.TrainingData training = rows(all, 0, SIZES[s]);
                HohenbergKohnMap.Settings settings = settings(training);
                DensityBasis basis = new DensityBasis.Grid(grid.size(), dV);
                HohenbergKohnMap plain = HohenbergKohnMap.train(training, basis, HohenbergKohnMap.EnergyTarget.TOTAL,
                        settings);
                HohenbergKohnMap exactInputs = HohenbergKohnMap.train(training, basis,
                        HohenbergKohnMap.EnergyTarget.TOTAL, settings,
                        HohenbergKohnMap.EnergyKernel.SpaceGroupAveraged.of(symmetric));
                HohenbergKohnMap map = HohenbergKohnMap.train(training, basis, HohenbergKohnMap.EnergyTarget.TOTAL,
                        settings,
                        HohenbergKohnMap.EnergyKernel.SpaceGroupAveraged.of(symmetric),
                        HohenbergKohnMap.EnergyInputs.PREDICTED);
                long start = System.nanoTime();
                HohenbergKohnMap.Errors errors = map.evaluate(test);
                double predictSeconds = (System.nanoTime() - start) * 1e-9 / testCount;
                HohenbergKohnMap.Errors plainErrors = plain.evaluate(test);
                HohenbergKohnMap.Errors exactErrors = exactInputs.evaluate(test);
                double mae = meanAbsolute(errors.energyErrors()) * HARTREE_MEV / atoms;
                double max = maxAbsolute(errors.energyErrors()) * HARTREE_MEV / atoms;
                double plainMae = meanAbsolute(plainErrors.energyErrors()) * HARTREE_MEV / atoms;
                double plainMax = maxAbsolute(plainErrors.energyErrors()) * HARTREE_MEV / atoms;
                double exactMae = meanAbsolute(exactErrors.energyErrors()) * HARTREE_MEV / atoms;
                double energyMapAlone = 0;
                for (int i = 0; i < testCount; i++) {
                    energyMapAlone += Math.abs(exactInputs.energyAt(test.potentials()[i], test.densities()[i],
                            test.constantEnergies()[i]) - test.totalEnergies()[i]) * HARTREE_MEV / atoms / testCount;
                }
                double exactMax = maxAbsolute(exactErrors.energyErrors()) * HARTREE_MEV / atoms;
                double density = Arrays.stream(errors.densityErrors()).average().orElseThrow();
                maes[s] = mae;
                plainMaes[s] = plainMae;
                densities[s] = density;
                md.append(String.format(Locale.ROOT, "| %d | %.3f %s | %.3f | %.3f / %.2f | %.3f | %.3f / %.2f | %.3f %s "
                        + "| %.4f | %.0f× |%n", SIZES[s], mae, mae < 1 ? "✓" : "✗", max, exactMae, exactMax,
                        energyMapAlone, plainMae, plainMax, density,
                        density < functionalDifference ? "✓" : "✗", predictSeconds, solveSeconds / predictSeconds));
                log("3D M = %d: energy MAE %.3f meV/atom (exact inputs %.3f, plain kernel %.3f), density %.3f "
                        + "(TF+vW vs WT %.3f)", SIZES[s], mae, exactMae, plainMae, density, functionalDifference);
            }
            md.append(String.format(Locale.ROOT, "%nThe energy map's kernel is the Gaussian averaged over the %d "
                    + "operations of the ideal supercell's space group (48 rotations × 32 lattice translations, "
                    + "`SpaceGroupDensityKernel`), on the plane-wave coefficients of the density up to %.1f Ha (%d "
                    + "plane waves): k̄(n, n') = (1/|G|) Σ_g exp(−‖n − g n'‖²/2σ²), σ and λ by 5-fold CV. It is "
                    + "trained on out-of-fold predictions of the density map (`EnergyInputs.PREDICTED`: each training "
                    + "density predicted by a map fitted without its fold), not on the exact densities.%n%n"
                    + "Why both: the rattled energies are close to a quadratic form in the 96 displacements (4656 "
                    + "coefficients), which 200 configurations cannot pin down with a kernel that sees whole-cell "
                    + "densities as unrelated vectors (plain column); averaged over the group, the model is left with "
                    + "the crystal's force constants, a few per neighbour shell, and reproduces E from the *exact* "
                    + "test densities (column \"its energy map at the exact n\"). From exact training densities it then leans on their "
                    + "second-order response to the displacements, which the density map (potential → density, a "
                    + "Gaussian KRR that learns the linear response once M exceeds the 96 displacement components) "
                    + "does not reproduce; trained on predicted densities it learns E from the part of n the density "
                    + "map gets right. With out-of-fold maps fitted on 4/5 of the set, that needs 4M/5 > 96, hence "
                    + "the step between M = 100 and 200.%n", group.size(), KERNEL_CUTOFF, symmetric.planeWaves()));
        }
        md.append(String.format(Locale.ROOT, "%nTargets: energy MAE below 1 meV/atom and density error below the "
                + "TF+vW–WT difference, mean ∫|n_TFvW − n_WT| = %.3f electrons (of %.0f), with at most 200 training "
                + "configurations (✓/✗ per row). Prediction time is per configuration, on the threads of a parallel "
                + "stream over the test set.%n%n", functionalDifference, all.electrons()));
        XYChart chart = new XYChartBuilder().width(900).height(600).title("3D ML-HK map, 32-atom Al: learning curve")
                .xAxisTitle("M (training configurations)").yAxisTitle("energy MAE (meV/atom), ∫|Δn|").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double[] sizes = Arrays.stream(SIZES).asDoubleStream().toArray();
        chart.addSeries("energy MAE (meV/atom)", sizes, maes).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("energy MAE, plain kernel", sizes, plainMaes).setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("∫|n^ML − n|", sizes, densities).setMarker(SeriesMarkers.SQUARE);
        double[] flat = new double[sizes.length];
        Arrays.fill(flat, functionalDifference);
        chart.addSeries("∫|n_TFvW − n_WT|", sizes, flat).setMarker(SeriesMarkers.NONE);
        Reports.savePng(results.resolve("hk-map-3d.png"), chart);
        md.append("![3D learning curve](hk-map-3d.png)\n\n");
    }

    /** Training sizes and test count of the Kohn–Sham section. */
    static final int[] KOHN_SHAM_SIZES = {25, 50, 100};
    static final int KOHN_SHAM_TESTS = 40;

    /**
     * The map on Kohn–Sham references: the 4-atom conventional fcc Al cell rattled by 0.05–0.15 Å, plane-wave
     * Kohn–Sham (LDA, BLPS local UPF, 10 Ha, 2×2×2 k-mesh, Marzari–Vanderbilt 0.01 Ha), learning F; the
     * density error is set beside the Wang–Teter functional's error against the same Kohn–Sham densities.
     */
    static void kohnShamSection(StringBuilder md, Path upf, Path poscar) throws IOException {
        Structure reference = PoscarReader.read(poscar);
        int atoms = reference.atomCount();
        var pseudopotentials = Map.of("Al", org.ofdft.solver.ks3d.PlaneWaveKohnSham.localPart(
                org.ofdft.functionals.io.UpfReader.read(upf)));
        var kohnShamSettings = org.ofdft.solver.ks3d.KohnShamSettings.of(10.0,
                org.ofdft.solver.ks3d.KPointMesh.of(2, 2, 2), org.ofdft.solver.ks3d.Smearing.MARZARI_VANDERBILT, 0.01)
                .withThreads(Runtime.getRuntime().availableProcessors());
        org.ofdft.ml.hk.KohnShamConfigurations kohnSham = new org.ofdft.ml.hk.KohnShamConfigurations(pseudopotentials,
                kohnShamSettings);
        Grid3D grid = kohnSham.grid(reference);
        int[] shape = {grid.n1(), grid.n2(), grid.n3()};
        int pool = KOHN_SHAM_SIZES[KOHN_SHAM_SIZES.length - 1];
        log("Kohn-Sham: solving %d configurations of %d atoms", pool + KOHN_SHAM_TESTS, atoms);
        long start = System.nanoTime();
        org.ofdft.ml.data.Dataset3D all = RattledConfigurations.dataset(reference, shape,
                pool + KOHN_SHAM_TESTS, 0.05, 0.15, new SplittableRandom(2021), kohnSham::solve,
                done -> { if (done % 20 == 0) { log("  %d done", done); } });
        double solveSeconds = (System.nanoTime() - start) * 1e-9 / all.size();
        HohenbergKohnMap.TrainingData data = HohenbergKohnMap.trainingData(all);
        HohenbergKohnMap.TrainingData test = rows(data, pool, pool + KOHN_SHAM_TESTS);
        double dV = grid.volumeElement();
        double wangTeterError = 0;
        try (JavaFftBackend backend = new JavaFftBackend(Runtime.getRuntime().availableProcessors());
             OrbitalFreeConfigurations orbitalFree = new OrbitalFreeConfigurations(grid, pseudopotentials, backend,
                     new ConvergenceCriteria(1e-9 * atoms, 1e-6, 1000))) {
            for (int i = 0; i < KOHN_SHAM_TESTS; i++) {
                double[] wangTeter = orbitalFree.solve(all.structure(pool + i),
                        OrbitalFreeConfigurations.Kinetic.WANG_TETER).density();
                wangTeterError += l1(wangTeter, test.densities()[i], dV) / KOHN_SHAM_TESTS;
            }
        }
        md.append(String.format(Locale.ROOT, "### Kohn–Sham references%n%nThe same map on Kohn–Sham data: the "
                + "%d-atom conventional fcc Al cell, every atom displaced by 0.05–0.15 Å (seed 2021), plane-wave "
                + "Kohn–Sham (`KohnShamConfigurations`: LDA, BLPS `al.lda.upf`, 10 Ha wavefunction cutoff, 2×2×2 "
                + "k-mesh, Marzari–Vanderbilt 0.01 Ha) on its %dx%dx%d FFT grid, %.2f s per configuration; the map "
                + "learns the free energy F. %d test configurations; ∫|n_WT − n_KS| is the orbital-free Wang–Teter "
                + "density's error on the same configurations (%.4f electrons of %.0f).%n%n", atoms, shape[0],
                shape[1], shape[2], solveSeconds, KOHN_SHAM_TESTS, wangTeterError, data.electrons()));
        md.append("| M | F MAE (meV/atom) | max | plain kernel: MAE / max | mean ∫|n^ML − n_KS| | below WT's |\n"
                + "|---|---|---|---|---|---|\n");
        try (JavaFftBackend backend = new JavaFftBackend(1)) {
            SpaceGroupDensityKernel symmetric = new SpaceGroupDensityKernel(grid,
                    SpaceGroup.withEveryTranslation(reference, grid), KERNEL_CUTOFF, backend);
            for (int size : KOHN_SHAM_SIZES) {
                HohenbergKohnMap.TrainingData training = rows(data, 0, size);
                DensityBasis basis = new DensityBasis.Grid(grid.size(), dV);
                HohenbergKohnMap.Settings settings = settings(training);
                HohenbergKohnMap map = HohenbergKohnMap.train(training, basis, HohenbergKohnMap.EnergyTarget.TOTAL,
                        settings, HohenbergKohnMap.EnergyKernel.SpaceGroupAveraged.of(symmetric),
                        HohenbergKohnMap.EnergyInputs.PREDICTED);
                HohenbergKohnMap plain = HohenbergKohnMap.train(training, basis, HohenbergKohnMap.EnergyTarget.TOTAL,
                        settings);
                HohenbergKohnMap.Errors errors = map.evaluate(test);
                HohenbergKohnMap.Errors plainErrors = plain.evaluate(test);
                double density = Arrays.stream(errors.densityErrors()).average().orElseThrow();
                md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f / %.3f | %.4f | %s |%n", size,
                        meanAbsolute(errors.energyErrors()) * HARTREE_MEV / atoms,
                        maxAbsolute(errors.energyErrors()) * HARTREE_MEV / atoms,
                        meanAbsolute(plainErrors.energyErrors()) * HARTREE_MEV / atoms,
                        maxAbsolute(plainErrors.energyErrors()) * HARTREE_MEV / atoms, density,
                        density < wangTeterError ? "✓" : "✗"));
                log("Kohn-Sham M = %d: F MAE %.3f meV/atom, density %.4f (WT %.4f)", size,
                        meanAbsolute(errors.energyErrors()) * HARTREE_MEV / atoms, density, wangTeterError);
            }
        }
        md.append('\n');
    }

    static HohenbergKohnMap.Settings settings(HohenbergKohnMap.TrainingData data) {
        return HohenbergKohnMap.Settings.scaledTo(data, 5, 7);
    }

    static HohenbergKohnMap.TrainingData rows(HohenbergKohnMap.TrainingData data, int from, int to) {
        return new HohenbergKohnMap.TrainingData(Arrays.copyOfRange(data.potentials(), from, to),
                Arrays.copyOfRange(data.densities(), from, to), Arrays.copyOfRange(data.totalEnergies(), from, to),
                Arrays.copyOfRange(data.constantEnergies(), from, to), data.volumeElement(), data.electrons());
    }

    private static double meanAbsolute(double[] values) {
        return Arrays.stream(values).map(Math::abs).average().orElseThrow();
    }

    private static double maxAbsolute(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }

    private static double l1(double[] a, double[] b, double dV) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += Math.abs(a[j] - b[j]);
        }
        return sum * dV;
    }

    private static void log(String format, Object... values) {
        System.err.printf(Locale.ROOT, "[hk-map] " + format + "%n", values);
    }
}
