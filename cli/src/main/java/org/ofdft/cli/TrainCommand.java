package org.ofdft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.ml.hk.DensityBasis;
import org.ofdft.ml.hk.HohenbergKohnMap;
import org.ofdft.ml.hk.HohenbergKohnMapFile;
import org.ofdft.ml.hk.PlaneWaveBasis;
import org.ofdft.ml.hk.SpaceGroupDensityKernel;
import org.ofdft.ml.kinetic.KineticModelFile;
import org.ofdft.ml.kinetic.KineticModelTraining;
import org.ofdft.ml.kinetic.MlKineticFunctional;
import org.ofdft.ml.model.ModelArchive;
import org.ofdft.ml.xc.NeuralGgaFit;
import org.ofdft.ml.xc.NeuralGgaModelFile;
import org.ofdft.solver.ks3d.SpaceGroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofdft train ...}: fit ML models to datasets; hyperparameters by cross-validation on the data given. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train machine-learned models on a dataset (JAX-DFT layout, .npz or a directory of .npy).",
        subcommands = {TrainCommand.Kinetic.class, TrainCommand.Hk.class, TrainCommand.XcGga.class})
public final class TrainCommand implements Runnable {

    static final double KCAL_PER_HARTREE = 627.509;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the model kinds. */
    static final class Common {
        @Option(names = "--data", required = true, paramLabel = "PATH", description = "training dataset")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "model file to write (.npz)")
        Path out;

        @Option(names = "--folds", defaultValue = "5", description = "k of the k-fold cross-validation (default: ${DEFAULT-VALUE})")
        int folds;

        @Option(names = "--seed", defaultValue = "7", description = "seed of the fold assignment (default: ${DEFAULT-VALUE})")
        long seed;
    }

    /** {@code ofdft train kinetic}: the ML kinetic functional of Snyder et al. (2012). */
    @Command(name = "kinetic", mixinStandardHelpOptions = true,
            description = {"Kernel ridge regression of T_s on densities (Snyder et al., PRL 108, 253002 (2012)): "
                    + "Gaussian kernel on the Euclidean distance of the density vectors (no grid-spacing factor); "
                    + "σ and λ by k-fold cross-validation unless both are given. Needs 'kinetic_energies' "
                    + "(ofdft data snyder writes them)."})
    static final class Kinetic implements Callable<Integer> {

        @CommandLine.Mixin
        Common common;

        @Option(names = "--baseline", defaultValue = "none",
                description = "none (T = KRR) or vw (T = T_vW + KRR of T_s − T_vW); default: ${DEFAULT-VALUE}")
        String baseline;

        @Option(names = "--sigma", description = "fixed kernel width σ (with --lambda; skips cross-validation)")
        Double sigma;

        @Option(names = "--lambda", description = "fixed regularization λ (with --sigma)")
        Double lambda;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            MlKineticFunctional.Baseline base = switch (baseline) {
                case "none" -> MlKineticFunctional.Baseline.NONE;
                case "vw" -> MlKineticFunctional.Baseline.VON_WEIZSACKER;
                default -> throw new IllegalArgumentException("unknown --baseline '" + baseline + "'; valid: none, vw");
            };
            if ((sigma == null) != (lambda == null)) {
                throw new IllegalArgumentException("give both --sigma and --lambda, or neither (cross-validation)");
            }
            Dataset1D data = Dataset1D.read(common.data);
            KineticModelTraining.Trained trained;
            if (sigma != null) {
                trained = KineticModelTraining.fit(data, base, sigma, lambda);
            } else {
                spec.commandLine().getErr().printf(Locale.ROOT, "train kinetic: %d-fold cross-validation over %d σ × %d λ "
                        + "on %d densities ...%n", common.folds, KineticModelTraining.DEFAULT_SIGMAS.length,
                        KineticModelTraining.DEFAULT_LAMBDAS.length, data.size());
                trained = KineticModelTraining.train(data, base, KineticModelTraining.DEFAULT_SIGMAS,
                        KineticModelTraining.DEFAULT_LAMBDAS, common.folds, common.seed);
                out.printf(Locale.ROOT, "cross-validated MAE %.4f kcal/mol%n",
                        trained.crossValidation().bestError() * KCAL_PER_HARTREE);
            }
            KineticModelFile.write(trained, data.kineticEnergies(), common.out);
            out.printf(Locale.ROOT, "σ = %g, λ = %.1e, %d training densities, N = %g; wrote %s%n",
                    ((org.ofdft.ml.regression.GaussianKernel) trained.functional().model().kernel()).sigma(),
                    trained.functional().model().lambda(), data.size(), trained.functional().electrons(), common.out);
            return 0;
        }
    }

    /** {@code ofdft train hk}: the ML Hohenberg–Kohn map of Brockherde et al. (2017). */
    @Command(name = "hk", mixinStandardHelpOptions = true,
            description = {"Learned Hohenberg–Kohn map (Brockherde et al., Nat. Commun. 8, 872 (2017)): KRR from the "
                    + "potential to the density, then from the density to the energy; hyperparameters by k-fold "
                    + "cross-validation.",
                    "1D datasets (ofdft data snyder): density in the sine basis of the box or on the grid; energy "
                            + "map of T_s (universal), T_s − T_vW (pauli) or E (total).",
                    "3D datasets (ofdft data rattled): density on the grid or in plane waves; energy map of E "
                            + "with a Gaussian kernel averaged over the space group of the reference structure, "
                            + "trained on out-of-fold predicted densities (the defaults)."})
    static final class Hk implements Callable<Integer> {

        @CommandLine.Mixin
        Common common;

        @Option(names = "--basis", description = "1D: sine (default) or grid; 3D: grid (default) or planewave")
        String basis;

        @Option(names = "--basis-size", defaultValue = "250",
                description = "number of sine functions (default: ${DEFAULT-VALUE})")
        int basisSize;

        @Option(names = "--basis-cutoff", defaultValue = "20", paramLabel = "HA",
                description = "plane-wave basis: cutoff ½|G|² in Ha (default: ${DEFAULT-VALUE})")
        double basisCutoff;

        @Option(names = "--energy", description = "what the energy map learns: universal (F; E = F^ML + ∫v n "
                + "+ E_ion-ion; 1D default), pauli (T_s − T_vW, 1D), or total (E from n; 3D default)")
        String energy;

        @Option(names = "--energy-kernel", description = "3D: space-group (default) or gaussian")
        String energyKernel;

        @Option(names = "--kernel-cutoff", defaultValue = "2.0", paramLabel = "HA",
                description = "space-group kernel: plane-wave cutoff of the density coefficients in Ha "
                        + "(default: ${DEFAULT-VALUE})")
        double kernelCutoff;

        @Option(names = "--energy-inputs", description = "densities the energy map is trained on: exact (1D "
                + "default) or predicted (out-of-fold predictions of the density map; 3D default)")
        String energyInputs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            boolean threeDimensional = Dataset3D.isThreeDimensional(common.data);
            HohenbergKohnMap.EnergyTarget target = switch (energy == null
                    ? (threeDimensional ? "total" : "universal") : energy) {
                case "universal" -> HohenbergKohnMap.EnergyTarget.UNIVERSAL;
                case "pauli" -> HohenbergKohnMap.EnergyTarget.UNIVERSAL_MINUS_VON_WEIZSACKER;
                case "total" -> HohenbergKohnMap.EnergyTarget.TOTAL;
                default -> throw new IllegalArgumentException("unknown --energy '" + energy
                        + "'; valid: universal, pauli, total");
            };
            HohenbergKohnMap.EnergyInputs inputs = switch (energyInputs == null
                    ? (threeDimensional ? "predicted" : "exact") : energyInputs) {
                case "exact" -> HohenbergKohnMap.EnergyInputs.EXACT;
                case "predicted" -> HohenbergKohnMap.EnergyInputs.PREDICTED;
                default -> throw new IllegalArgumentException("unknown --energy-inputs '" + energyInputs
                        + "'; valid: exact, predicted");
            };
            if (threeDimensional) {
                return trainThreeDimensional(target, inputs);
            }
            if (energyKernel != null) {
                throw new IllegalArgumentException("--energy-kernel is for 3D datasets; a 1D map uses the Gaussian "
                        + "kernel");
            }
            Dataset1D data = Dataset1D.read(common.data);
            String basisName = basis == null ? "sine" : basis;
            DensityBasis densityBasis = switch (basisName) {
                case "sine" -> DensityBasis.Sine.of(data.grid(), basisSize);
                case "grid" -> new DensityBasis.Grid(data.gridPoints(), data.spacing());
                case "planewave" -> throw new IllegalArgumentException("--basis planewave is for 3D datasets (ofdft "
                        + "data rattled); " + common.data + " is 1D");
                default -> throw new IllegalArgumentException("unknown --basis '" + basisName + "'; valid: sine, grid");
            };
            spec.commandLine().getErr().printf(Locale.ROOT, "train hk: %d-fold cross-validation of both maps on %d "
                    + "systems ...%n", common.folds, data.size());
            HohenbergKohnMap.Settings defaults = HohenbergKohnMap.Settings.defaults();
            HohenbergKohnMap map = HohenbergKohnMap.train(HohenbergKohnMap.trainingData(data), densityBasis, target,
                    new HohenbergKohnMap.Settings(defaults.potentialSigmas(), defaults.densitySigmas(),
                            defaults.lambdas(), common.folds, common.seed), new HohenbergKohnMap.EnergyKernel.Plain(),
                    inputs);
            HohenbergKohnMapFile.write(map, data.grid(), ModelArchive.fingerprint(data.externalPotentials(),
                    data.totalEnergies()), common.out);
            spec.commandLine().getOut().printf(Locale.ROOT, "HK map (%s basis, %d coefficients, energy %s), N = %g, "
                    + "%d training systems; wrote %s%n", densityBasis.name(), densityBasis.size(),
                    target.name().toLowerCase(Locale.ROOT), map.electrons(), data.size(), common.out);
            return 0;
        }

        private int trainThreeDimensional(HohenbergKohnMap.EnergyTarget target, HohenbergKohnMap.EnergyInputs inputs)
                throws IOException {
            if (target == HohenbergKohnMap.EnergyTarget.UNIVERSAL_MINUS_VON_WEIZSACKER) {
                throw new IllegalArgumentException("--energy pauli is for 1D maps of non-interacting electrons");
            }
            Dataset3D data = Dataset3D.read(common.data);
            Grid3D grid = data.grid();
            HohenbergKohnMap.TrainingData training = HohenbergKohnMap.trainingData(data);
            try (FftBackend backend = new JavaFftBackend(1)) {
                String basisName = basis == null ? "grid" : basis;
                DensityBasis densityBasis = switch (basisName) {
                    case "grid" -> new DensityBasis.Grid(grid.size(), grid.volumeElement());
                    case "planewave" -> new PlaneWaveBasis(grid, basisCutoff, backend);
                    case "sine" -> throw new IllegalArgumentException("--basis sine is for 1D boxes; " + common.data
                            + " is a periodic 3D dataset (grid or planewave)");
                    default -> throw new IllegalArgumentException("unknown --basis '" + basisName
                            + "'; valid: grid, planewave");
                };
                HohenbergKohnMap.EnergyKernel kernel = switch (energyKernel == null ? "space-group" : energyKernel) {
                    case "space-group" -> HohenbergKohnMap.EnergyKernel.SpaceGroupAveraged.of(
                            new SpaceGroupDensityKernel(grid, SpaceGroup.withEveryTranslation(data.reference(), grid),
                                    kernelCutoff, backend));
                    case "gaussian" -> new HohenbergKohnMap.EnergyKernel.Plain();
                    default -> throw new IllegalArgumentException("unknown --energy-kernel '" + energyKernel
                            + "'; valid: space-group, gaussian");
                };
                spec.commandLine().getErr().printf(Locale.ROOT, "train hk: %d-fold cross-validation of both maps on "
                        + "%d configurations of %d atoms (%dx%dx%d grid) ...%n", common.folds, data.size(),
                        data.reference().atomCount(), grid.n1(), grid.n2(), grid.n3());
                HohenbergKohnMap map = HohenbergKohnMap.train(training, densityBasis, target,
                        HohenbergKohnMap.Settings.scaledTo(training, common.folds, common.seed), kernel, inputs);
                HohenbergKohnMapFile.write3D(map, data.reference(), data.gridShape(),
                        ModelArchive.fingerprint(data.externalPotentials(), data.totalEnergies()), common.out);
                spec.commandLine().getOut().printf(Locale.ROOT, "3D HK map (%s basis, energy %s, %s kernel), %d "
                        + "training configurations of %d atoms; wrote %s%n", densityBasis.name(),
                        target.name().toLowerCase(Locale.ROOT), kernel instanceof HohenbergKohnMap.EnergyKernel.Plain
                                ? "gaussian" : "space-group", data.size(), data.reference().atomCount(), common.out);
            }
            return 0;
        }
    }

    /** {@code ofdft train xc-gga}: the neural GGA for 3D grids, fitted to PBE. */
    @Command(name = "xc-gga", mixinStandardHelpOptions = true,
            description = {"Fit a neural GGA exchange-correlation functional for 3D grids to PBE: e = e_LDA(n) + "
                    + "e_x^unif(n) x2 N(x1, x2) with x1 = scaled ln n, x2 = s^2/(1 + s^2), N a tanh network "
                    + "(Deeplearning4j, early stopping). Use it with [functionals] xc = \"nn\", xc_model = MODEL "
                    + "in a 3D input."})
    static final class XcGga implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "model file to write (.npz)")
        Path out;

        @Option(names = "--hidden", split = ",", defaultValue = "16,16",
                description = "hidden-layer widths (default: ${DEFAULT-VALUE})")
        int[] hidden;

        @Option(names = "--samples", defaultValue = "3000", description = "training points (default: ${DEFAULT-VALUE})")
        int samples;

        @Option(names = "--min-density", defaultValue = "1e-4",
                description = "smallest density sampled, bohr^-3 (default: ${DEFAULT-VALUE})")
        double minDensity;

        @Option(names = "--max-density", defaultValue = "1.0",
                description = "largest density sampled, bohr^-3 (default: ${DEFAULT-VALUE})")
        double maxDensity;

        @Option(names = "--max-s", defaultValue = "3.0",
                description = "largest reduced gradient s sampled (default: ${DEFAULT-VALUE})")
        double maxS;

        @Option(names = "--epochs", defaultValue = "400", description = "epoch limit (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--seed", defaultValue = "11", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            NeuralGgaFit fit = new NeuralGgaFit(hidden, samples, minDensity, maxDensity, maxS, epochs, seed);
            spec.commandLine().getErr().printf(Locale.ROOT, "train xc-gga: fitting a %s tanh network to PBE on %d "
                    + "points ...%n", java.util.Arrays.toString(hidden), samples);
            NeuralGgaFit.Result result = fit.fit();
            NeuralGgaModelFile.write(result.kernel(), fit, result, out);
            spec.commandLine().getOut().printf(Locale.ROOT, "neural GGA: %d epochs, max |e_NN - e_PBE|/|e_x^unif| = "
                    + "%.2e on 2000 fresh points; wrote %s%n", result.epochs(), result.maxAbsEnhancementError(), out);
            return 0;
        }
    }
}
