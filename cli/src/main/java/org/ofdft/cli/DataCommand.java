package org.ofdft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.GaussianWells;
import org.ofdft.ml.data.SnyderBox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofdft data ...}: generate datasets of exact reference calculations. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Generate datasets of exact calculations (JAX-DFT's array names; .npz or a directory of .npy).",
        subcommands = {DataCommand.Snyder.class})
public final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ofdft data snyder}: the box model of Snyder et al., PRL 108, 253002 (2012). */
    @Command(name = "snyder", mixinStandardHelpOptions = true,
            description = {"N non-interacting spinless electrons in a hard-walled box [0, 1] with three random "
                    + "Gaussian wells (a in [1, 10], b in [0.4, 0.6], c in [0.03, 0.1]; Snyder et al. 2012), "
                    + "densities on the 500 points x_j = j/499.",
                    "Writes grids, external_potentials, densities, total_energies, kinetic_energies, "
                    + "num_electrons and potential_parameters (a, b, c per well) in hartree atomic units."})
    static final class Snyder implements Callable<Integer> {

        @Option(names = "--electrons", required = true, description = "number of electrons N (1, 2, ...)")
        int electrons;

        @Option(names = "--count", description = "number of random potentials M (default: ${DEFAULT-VALUE})",
                defaultValue = "100")
        int count;

        @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
        long seed;

        @Option(names = "--paper-potentials", paramLabel = "FILE",
                description = "use the paper's 100 training potentials from FILE (shared/datasets/snyder2012/"
                        + "paper_potentials.txt) instead of random ones; --count and --seed are then ignored")
        Path paperPotentials;

        @Option(names = "--discretization", description = "sine (converged reference, T_s to ~1e-9 Ha) or fd3 "
                + "(the paper's 3-point finite differences on the 500 points); default: ${DEFAULT-VALUE}",
                defaultValue = "sine")
        String discretization;

        @Option(names = "--out", required = true, paramLabel = "PATH",
                description = "output: PATH.npz, or a directory of .npy files")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            SnyderBox.Discretization method = switch (discretization) {
                case "sine" -> SnyderBox.Discretization.SINE_BASIS;
                case "fd3" -> SnyderBox.Discretization.FINITE_DIFFERENCE;
                default -> throw new IllegalArgumentException("unknown --discretization '" + discretization
                        + "'; valid: sine, fd3");
            };
            if (electrons <= 0) {
                throw new IllegalArgumentException("--electrons must be positive, got " + electrons);
            }
            List<GaussianWells> potentials = paperPotentials != null
                    ? SnyderBox.readPaperTrainingSet(paperPotentials).potentials()
                    : SnyderBox.randomPotentials(count, seed);
            long start = System.nanoTime();
            Dataset1D data = SnyderBox.generate(potentials, electrons, method,
                    new CountProgress(err, "data snyder", potentials.size()));
            data.write(out);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d systems (N = %d, %s) to %s in %.1f s%n",
                    data.size(), electrons, discretization, out, (System.nanoTime() - start) * 1e-9);
            return 0;
        }
    }
}
