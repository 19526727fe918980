package org.ofdft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.SplittableRandom;
import org.ofdft.cli.input.Checks;
import org.ofdft.cli.input.InputException;
import org.ofdft.cli.input.Model3D;
import org.ofdft.cli.input.ScfInput;
import org.ofdft.cli.input.ScfInputReader;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.Dataset3D;
import org.ofdft.ml.hk.KohnShamConfigurations;
import org.ofdft.ml.hk.OrbitalFreeConfigurations;
import org.ofdft.ml.hk.RattledConfigurations;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.ml.data.GaussianWells;
import org.ofdft.ml.data.SnyderBox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ofdft data ...}: generate datasets of exact reference calculations. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Generate datasets of exact calculations (JAX-DFT's array names; .npz or a directory of .npy).",
        subcommands = {DataCommand.Snyder.class, DataCommand.Rattled.class})
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

    /** {@code ofdft data rattled}: orbital-free references of randomly displaced copies of a 3D structure. */
    @Command(name = "rattled", mixinStandardHelpOptions = true,
            description = {"Rattled copies of the structure of a 3D input file (every atom displaced by a random "
                    + "vector of length uniform in [MIN, MAX] Å, uniform direction), each solved as the input says: "
                    + "orbital-free (its [grid] and kinetic functional, wt or tfvw, with LDA; preconditioned truncated Newton to 1e-9 Ha/atom) "
                    + "or plane-wave Kohn-Sham (its cutoff, k-points, occupations and [solver]; total_energies are "
                    + "then the free energies F): the training data of a 3D HK map.",
                    "Writes external_potentials (V_loc on the grid), densities, total_energies (Ewald included), "
                            + "num_electrons, ion_ion_energies, atom_positions, reference_positions, species, cell "
                            + "and grid_shape, in hartree atomic units (bohr)."})
    static final class Rattled implements Callable<Integer> {

        @CommandLine.Parameters(index = "0", paramLabel = "INPUT", description = "3D input file (.toml)")
        Path input;

        @Option(names = "--count", description = "number of configurations (default: ${DEFAULT-VALUE})",
                defaultValue = "200")
        int count;

        @Option(names = "--displacement", split = ",", paramLabel = "MIN,MAX", defaultValue = "0.05,0.15",
                description = "range of the displacement lengths in Å (default: ${DEFAULT-VALUE})")
        double[] displacement;

        @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})", defaultValue = "2017")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "PATH",
                description = "output: PATH.npz, or a directory of .npy files")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (count <= 0) {
                throw new IllegalArgumentException("--count must be positive, got " + count);
            }
            if (displacement.length != 2) {
                throw new IllegalArgumentException("--displacement takes MIN,MAX in Å, got " + displacement.length
                        + " values");
            }
            ScfInput parsed = ScfInputReader.read(input);
            Path directory = input.toAbsolutePath().getParent();
            String method = Checks.required(parsed.calculation(), "[calculation]").method();
            SplittableRandom random = new SplittableRandom(seed);
            CountProgress progress = new CountProgress(spec.commandLine().getErr(), "data rattled", count);
            long start = System.nanoTime();
            Dataset3D data;
            String reference;
            if ("kohn_sham".equals(method)) {
                ScfInput.Solver solver = parsed.solverOrDefaults();
                Scf3D.KohnShamSetup setup = Scf3D.kohnShamSetup(parsed, directory, solver);
                KohnShamConfigurations kohnSham = new KohnShamConfigurations(setup.atoms().pseudopotentials(),
                        setup.settings());
                Grid3D grid = kohnSham.grid(setup.atoms().structure());
                data = RattledConfigurations.dataset(setup.atoms().structure(),
                        new int[] {grid.n1(), grid.n2(), grid.n3()}, count, displacement[0], displacement[1], random,
                        kohnSham::solve, progress);
                reference = "Kohn-Sham";
            } else {
                Model3D.Atoms atoms = Model3D.atoms(parsed, directory, false);
                Grid3D grid = Model3D.grid(Checks.required(parsed.grid(), "[grid]"), atoms.structure().cell());
                OrbitalFreeConfigurations.Kinetic kinetic = orbitalFreeKinetic(parsed);
                try (FftBackend backend = new JavaFftBackend(Runtime.getRuntime().availableProcessors());
                     OrbitalFreeConfigurations solver = new OrbitalFreeConfigurations(grid, atoms.pseudopotentials(),
                             backend, new ConvergenceCriteria(1e-9 * atoms.structure().atomCount(), 1e-6, 1000))) {
                    data = RattledConfigurations.dataset(atoms.structure(),
                            new int[] {grid.n1(), grid.n2(), grid.n3()}, count, displacement[0], displacement[1],
                            random, structure -> solver.solve(structure, kinetic), progress);
                }
                reference = "orbital-free " + parsed.functionals().kinetic();
            }
            data.write(out);
            int[] shape = data.gridShape();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d configurations (%d atoms, %dx%dx%d grid, %s) to "
                    + "%s in %.1f s%n", data.size(), data.reference().atomCount(), shape[0], shape[1], shape[2],
                    reference, out, (System.nanoTime() - start) * 1e-9);
            return 0;
        }

        /** The orbital-free reference: the input's kinetic functional (wt or tfvw) with LDA. */
        private OrbitalFreeConfigurations.Kinetic orbitalFreeKinetic(ScfInput parsed) {
            ScfInput.Functionals functionals = Checks.required(parsed.functionals(), "[functionals]");
            if (functionals.xc() != null && !List.of("lda", "lda_pz81").contains(functionals.xc())) {
                throw new InputException(input + ": data rattled solves with LDA (Slater + PZ81), got functionals.xc = \""
                        + functionals.xc() + "\"");
            }
            return switch (String.valueOf(functionals.kinetic())) {
                case "wt" -> OrbitalFreeConfigurations.Kinetic.WANG_TETER;
                case "tfvw" -> OrbitalFreeConfigurations.Kinetic.THOMAS_FERMI_VON_WEIZSACKER;
                default -> throw new InputException(input + ": data rattled solves with functionals.kinetic = \"wt\" "
                        + "or \"tfvw\", got \"" + functionals.kinetic() + "\"");
            };
        }
    }
}
