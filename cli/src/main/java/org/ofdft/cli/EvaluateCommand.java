package org.ofdft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.io.GaussianCube;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.ml.hk.HohenbergKohnMap;
import org.ofdft.ml.hk.HohenbergKohnMapFile;
import org.ofdft.ml.kinetic.KineticModelEvaluation;
import org.ofdft.ml.kinetic.KineticModelFile;
import org.ofdft.ml.kinetic.KineticModelTraining;
import org.ofdft.ml.model.ModelArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofdft evaluate}: errors of a saved model on a test dataset. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Errors of a trained model on a test dataset, in kcal/mol (1 Ha = 627.509 kcal/mol).",
                "Kinetic models: T^ML − T_s at the exact densities; with --self-consistent also the energy at the "
                        + "density that minimizes E = T^ML + ∫v n (projected gradient descent) and ∫|n^ML − n| dx.",
                "HK maps: the energy at the predicted density against total_energies, and ∫|n^ML − n| dx; 3D maps "
                        + "on a 3D dataset of the same cell, grid and atoms (ofdft data rattled), also in meV/atom.",
                "With --json the last line printed is one JSON object."})
public final class EvaluateCommand implements Callable<Integer> {

    static final double KCAL_PER_HARTREE = TrainCommand.KCAL_PER_HARTREE;
    static final double MEV_PER_HARTREE = 1000 * org.ofdft.grids.Units.HARTREE_IN_EV;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "model file (ofdft train)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "test dataset")
    Path data;

    @Option(names = "--self-consistent", description = "kinetic models: also minimize E[n] with the model")
    boolean selfConsistent;

    @Option(names = "--json", description = "print the metrics as one JSON object on the last line")
    boolean json;

    @Option(names = "--force", description = "NN XC models: apply to another grid spacing or interaction anyway")
    boolean force;

    @Option(names = "--cubes", paramLabel = "DIR", description = "3D HK maps: write the predicted density "
            + "(hk_density_I.cube) and its error n^ML − n (hk_density_error_I.cube) of the first --cube-count test "
            + "configurations into DIR, electrons/bohr^3")
    Path cubes;

    @Option(names = "--cube-count", defaultValue = "3", description = "configurations written with --cubes "
            + "(default: ${DEFAULT-VALUE})")
    int cubeCount;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String type = ModelArchive.read(model, null).modelType();
        ObjectNode metrics = new ObjectMapper().createObjectNode();
        metrics.put("model_type", type);
        if (cubes != null && !type.equals(HohenbergKohnMapFile.TYPE_3D)) {
            throw new IllegalArgumentException("--cubes writes 3D densities; " + model + " is a " + type + " model");
        }
        if (type.equals(HohenbergKohnMapFile.TYPE_3D)) {
            hohenbergKohn3D(metrics);
            print(metrics);
            return 0;
        }
        Dataset1D test = Dataset1D.read(data);
        metrics.put("count", test.size());
        switch (type) {
            case KineticModelFile.TYPE -> kinetic(test, metrics);
            case HohenbergKohnMapFile.TYPE -> hohenbergKohn(test, metrics);
            case "nn-xc-energy-1d", "nn-xc-potential-1d" -> exchangeCorrelation(test, metrics);
            default -> throw new IOException(model + ": model type '" + type + "' cannot be evaluated on a 1D dataset "
                    + "(valid: " + KineticModelFile.TYPE + ", " + HohenbergKohnMapFile.TYPE
                    + ", nn-xc-energy-1d, nn-xc-potential-1d)");
        }
        print(metrics);
        return 0;
    }

    private void print(ObjectNode metrics) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        metrics.fields().forEachRemaining(entry -> out.printf(Locale.ROOT, "%-28s %s%n", entry.getKey(),
                entry.getValue().asText()));
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(metrics));
        }
    }

    /**
     * 3D HK maps on a 3D dataset of the same cell, grid and atoms: total energies (ion–ion included) at the
     * predicted densities, also per atom in meV, and ∫|n^ML − n| d³r in electrons.
     */
    private void hohenbergKohn3D(ObjectNode metrics) throws IOException {
        Dataset3D test = Dataset3D.read(data);
        metrics.put("count", test.size());
        try (FftBackend backend = new JavaFftBackend(1)) {
            HohenbergKohnMapFile.Loaded3D loaded = HohenbergKohnMapFile.read3D(model, backend);
            loaded.requireCompatible(test);
            HohenbergKohnMap.Errors errors = loaded.map().evaluate(HohenbergKohnMap.trainingData(test));
            putHohenbergKohnErrors(metrics, errors);
            double atoms = test.reference().atomCount();
            metrics.put("energy_mae_mev_per_atom", meanAbsolute(errors.energyErrors()) * MEV_PER_HARTREE / atoms);
            metrics.put("energy_max_abs_mev_per_atom", maxAbsolute(errors.energyErrors()) * MEV_PER_HARTREE / atoms);
            if (cubes != null) {
                writeCubes(loaded, test);
            }
        }
    }

    /** Predicted densities and their errors of the first test configurations as cube files. */
    private void writeCubes(HohenbergKohnMapFile.Loaded3D loaded, Dataset3D test) throws IOException {
        if (cubeCount < 1) {
            throw new IllegalArgumentException("--cube-count must be positive, got " + cubeCount);
        }
        java.nio.file.Files.createDirectories(cubes);
        for (int i = 0; i < Math.min(cubeCount, test.size()); i++) {
            double[] predicted = loaded.map().predictDensity(test.externalPotentials()[i]);
            double[] error = new double[predicted.length];
            for (int j = 0; j < error.length; j++) {
                error[j] = predicted[j] - test.densities()[i][j];
            }
            var atoms = Elements.cubeAtoms(test.structure(i));
            String label = String.format(Locale.ROOT, "test configuration %d, HK map %s", i, model.getFileName());
            GaussianCube.write(cubes.resolve("hk_density_" + i + ".cube"), RealField.wrap(loaded.grid(), predicted),
                    atoms, label + ": predicted density n^ML (electrons/bohr^3)");
            GaussianCube.write(cubes.resolve("hk_density_error_" + i + ".cube"), RealField.wrap(loaded.grid(), error),
                    atoms, label + ": n^ML - n (electrons/bohr^3)");
        }
    }

    private static void putHohenbergKohnErrors(ObjectNode metrics, HohenbergKohnMap.Errors errors) {
        metrics.put("energy_mae_kcal_mol", meanAbsolute(errors.energyErrors()) * KCAL_PER_HARTREE);
        metrics.put("energy_max_abs_kcal_mol", maxAbsolute(errors.energyErrors()) * KCAL_PER_HARTREE);
        metrics.put("density_l1_mean", Arrays.stream(errors.densityErrors()).average().orElseThrow());
    }

    private void kinetic(Dataset1D test, ObjectNode metrics) throws IOException {
        KineticModelTraining.Trained trained = KineticModelFile.read(model);
        KineticModelEvaluation.SelfConsistency settings = selfConsistent
                ? KineticModelEvaluation.SelfConsistency.paper() : null;
        KineticModelEvaluation.Errors errors = KineticModelEvaluation.evaluate(trained.functional(),
                trained.trainingPotentials(), test, settings,
                new CountProgress(spec.commandLine().getErr(), "evaluate", test.size()));
        putStatistics(metrics, errors.kineticErrors());
        if (errors.selfConsistent()) {
            metrics.put("sc_energy_mae_kcal_mol", meanAbsolute(errors.selfConsistentEnergyErrors()) * KCAL_PER_HARTREE);
            metrics.put("sc_energy_max_abs_kcal_mol", maxAbsolute(errors.selfConsistentEnergyErrors()) * KCAL_PER_HARTREE);
            metrics.put("sc_density_l1_mean", Arrays.stream(errors.densityErrors()).average().orElseThrow());
            long converged = 0;
            for (boolean c : errors.converged()) {
                converged += c ? 1 : 0;
            }
            metrics.put("sc_converged", converged);
        }
    }

    private void hohenbergKohn(Dataset1D test, ObjectNode metrics) throws IOException {
        HohenbergKohnMapFile.Loaded loaded = HohenbergKohnMapFile.read(model);
        double[] grid = loaded.grid();
        if (test.gridPoints() != grid.length) {
            throw new IllegalArgumentException("test potentials have " + test.gridPoints() + " points, the HK map was "
                    + "trained on " + grid.length);
        }
        for (int j = 0; j < grid.length; j++) {
            if (Math.abs(test.grid()[j] - grid[j]) > 1e-9 * Math.max(1, Math.abs(grid[j]))) {
                throw new IllegalArgumentException("test grid differs from the HK map's at point " + j + ": "
                        + test.grid()[j] + " vs " + grid[j]);
            }
        }
        putHohenbergKohnErrors(metrics, loaded.map().evaluate(test));
    }

    /**
     * NN XC models: spin-unpolarized Kohn–Sham (Hartree with the model's interaction + the NN XC, 5-point
     * kinetic stencil as the dft1d data) for every row, against {@code total_energies} and {@code densities}.
     */
    private void exchangeCorrelation(Dataset1D test, ObjectNode metrics) throws IOException {
        if (!selfConsistent) {
            throw new IllegalArgumentException("an NN exchange-correlation model is evaluated self-consistently: add "
                    + "--self-consistent");
        }
        org.ofdft.ml.xc.XcModel xc = org.ofdft.ml.xc.XcModelFile.read(model);
        org.ofdft.grids.BoxGrid1D grid = org.ofdft.ml.xc.XcReferenceData.gridOf(test);
        org.ofdft.functionals.hartree.Interaction1D interaction = xc.interaction().equals("exponential")
                ? org.ofdft.functionals.hartree.Interaction1D.exponential()
                : org.ofdft.functionals.hartree.Interaction1D.softCoulomb();
        org.ofdft.functionals.DensityFunctional functional = xc.kind() == org.ofdft.ml.xc.XcModelKind.ENERGY
                ? new org.ofdft.ml.xc.EnergyXcFunctional(xc, grid, interaction, force)
                : new org.ofdft.ml.xc.PotentialXcFunctional(xc, grid, interaction, force);
        org.ofdft.ml.xc.XcSelfConsistency scf = new org.ofdft.ml.xc.XcSelfConsistency(grid, 4, interaction, functional,
                org.ofdft.ml.xc.XcSelfConsistency.CRITERIA);
        double[] energyErrors = new double[test.size()];
        double[] densityErrors = new double[test.size()];
        int converged = 0;
        CountProgress progress = new CountProgress(spec.commandLine().getErr(), "evaluate", test.size());
        for (int i = 0; i < test.size(); i++) {
            org.ofdft.ml.xc.XcSelfConsistency.Outcome outcome = scf.solve("row " + i, test.externalPotentials()[i],
                    test.numElectrons()[i], test.densities()[i], test.totalEnergies()[i]);
            energyErrors[i] = outcome.energyError();
            densityErrors[i] = outcome.densityL1();
            converged += outcome.converged() ? 1 : 0;
            if (!outcome.converged()) {
                spec.commandLine().getErr().printf("evaluate: row %d did not converge; residual history:%n%s", i,
                        outcome.describeHistory());
            }
            progress.accept(i + 1);
        }
        if (xc.kind() == org.ofdft.ml.xc.XcModelKind.ENERGY) {
            metrics.put("total_energy_mae_ha", meanAbsolute(energyErrors));
            metrics.put("total_energy_max_abs_ha", maxAbsolute(energyErrors));
        } else {
            metrics.putNull("total_energy_mae_ha"); // a potential-only network has no energy functional
            metrics.putNull("total_energy_max_abs_ha");
        }
        metrics.put("density_l1_mean", Arrays.stream(densityErrors).average().orElseThrow());
        metrics.put("sc_converged", converged);
    }

    /** MAE, std and max of |error| in kcal/mol. */
    private static void putStatistics(ObjectNode metrics, double[] errorsHartree) {
        double mae = meanAbsolute(errorsHartree);
        double variance = 0;
        for (double e : errorsHartree) {
            double d = Math.abs(e) - mae;
            variance += d * d / errorsHartree.length;
        }
        metrics.put("mae_kcal_mol", mae * KCAL_PER_HARTREE);
        metrics.put("std_kcal_mol", Math.sqrt(variance) * KCAL_PER_HARTREE);
        metrics.put("max_abs_kcal_mol", maxAbsolute(errorsHartree) * KCAL_PER_HARTREE);
    }

    private static double meanAbsolute(double[] values) {
        return Arrays.stream(values).map(Math::abs).average().orElseThrow();
    }

    private static double maxAbsolute(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElseThrow();
    }
}
