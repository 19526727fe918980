package org.ofdft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.hk.DensityBasis;
import org.ofdft.ml.hk.HohenbergKohnMap;
import org.ofdft.ml.hk.HohenbergKohnMapFile;
import org.ofdft.ml.kinetic.KineticModelFile;
import org.ofdft.ml.kinetic.KineticModelTraining;
import org.ofdft.ml.kinetic.MlKineticFunctional;
import org.ofdft.ml.model.ModelArchive;
import org.ofdft.ml.xc.NeuralGgaFit;
import org.ofdft.ml.xc.NeuralGgaModelFile;
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
                    + "potential to the density (sine basis of the box or grid values), then from the density to "
                    + "the energy; hyperparameters by k-fold cross-validation."})
    static final class Hk implements Callable<Integer> {

        @CommandLine.Mixin
        Common common;

        @Option(names = "--basis", defaultValue = "sine", description = "sine or grid (default: ${DEFAULT-VALUE})")
        String basis;

        @Option(names = "--basis-size", defaultValue = "150",
                description = "number of sine functions (default: ${DEFAULT-VALUE})")
        int basisSize;

        @Option(names = "--energy", defaultValue = "universal",
                description = "what the energy map learns: universal (T_s; E = T_s^ML + ∫v n), pauli (T_s − T_vW), "
                        + "or total (E from n); default: ${DEFAULT-VALUE}")
        String energy;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            HohenbergKohnMap.EnergyTarget target = switch (energy) {
                case "universal" -> HohenbergKohnMap.EnergyTarget.UNIVERSAL;
                case "pauli" -> HohenbergKohnMap.EnergyTarget.UNIVERSAL_MINUS_VON_WEIZSACKER;
                case "total" -> HohenbergKohnMap.EnergyTarget.TOTAL;
                default -> throw new IllegalArgumentException("unknown --energy '" + energy
                        + "'; valid: universal, pauli, total");
            };
            Dataset1D data = Dataset1D.read(common.data);
            DensityBasis densityBasis = switch (basis) {
                case "sine" -> DensityBasis.Sine.of(data.grid(), basisSize);
                case "grid" -> new DensityBasis.Grid(data.gridPoints(), data.spacing());
                case "planewave" -> throw new IllegalArgumentException("--basis planewave is for 3D maps, which "
                        + "'ofdft train hk' does not read yet (see benchmarks/hk-map.sh for the 3D study)");
                default -> throw new IllegalArgumentException("unknown --basis '" + basis + "'; valid: sine, grid");
            };
            spec.commandLine().getErr().printf(Locale.ROOT, "train hk: %d-fold cross-validation of both maps on %d "
                    + "systems ...%n", common.folds, data.size());
            HohenbergKohnMap.Settings defaults = HohenbergKohnMap.Settings.defaults();
            HohenbergKohnMap map = HohenbergKohnMap.train(data, densityBasis, target,
                    new HohenbergKohnMap.Settings(defaults.potentialSigmas(), defaults.densitySigmas(),
                            defaults.lambdas(), common.folds, common.seed));
            HohenbergKohnMapFile.write(map, data.grid(), ModelArchive.fingerprint(data.externalPotentials(),
                    data.totalEnergies()), common.out);
            spec.commandLine().getOut().printf(Locale.ROOT, "HK map (%s basis, %d coefficients, energy %s), N = %g, "
                    + "%d training systems; wrote %s%n", densityBasis.name(), densityBasis.size(), energy,
                    map.electrons(), data.size(), common.out);
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
