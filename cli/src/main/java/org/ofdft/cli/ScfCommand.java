package org.ofdft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ofdft.cli.input.Checks;
import org.ofdft.cli.input.InputException;
import org.ofdft.cli.input.Model1D;
import org.ofdft.cli.input.ScfInput;
import org.ofdft.cli.input.ScfInputReader;
import org.ofdft.cli.output.Plots;
import org.ofdft.cli.output.ResultJson;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.io.GaussianCube;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ofdft scf INPUT [--out DIR]}: one self-consistent calculation described by a TOML file. */
@Command(name = "scf", mixinStandardHelpOptions = true,
        description = {"Run a self-consistent calculation described by a TOML input file (see examples/ and "
                + "docs/input.md).", "Writes DIR/result.json, the density (.npy in 1D, Gaussian cube in 3D) and "
                + "PNG plots. Exit code 3: the run did not converge (result.json still written, converged=false)."})
public final class ScfCommand implements Callable<Integer> {

    /** Exit code of a run that finished without meeting its convergence criteria. */
    public static final int EXIT_NOT_CONVERGED = 3;

    /** Values of calculation.method. */
    static final List<String> METHODS = List.of("kohn_sham", "orbital_free");

    @Parameters(index = "0", paramLabel = "INPUT", description = "TOML input file")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: INPUT's name without extension + '.out', in the current directory)")
    Path out;

    @Option(names = "--no-plots", description = "Skip the PNG plots")
    boolean noPlots;

    @Mixin
    FftOptions fft;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ScfInput scf = ScfInputReader.read(input);
        JsonNode echo = new TomlMapper().readTree(input.toFile());
        ScfInput.Calculation calculation = Checks.required(scf.calculation(), "[calculation]");
        int dimension = Checks.required(calculation.dimension(), "calculation.dimension");
        Path directory = out != null ? out : Path.of(stem(input) + ".out");
        ScfInput.Solver solver = scf.solverOrDefaults();
        if (fft.backend == null && solver.fft() != null) {
            fft.backend = solver.fft();
        }
        if (fft.threads == null && solver.threads() != null) {
            fft.threads = solver.threads();
        }
        Run run;
        try (FftBackend backend = fft.select(err).backend()) {
            run = switch (dimension) {
                case 1 -> Scf1D.run(scf, inputDirectory(), solver, backend, new Progress(err, "scf"));
                case 3 -> Scf3D.run(scf, inputDirectory(), solver, backend, new Progress(err, "scf"));
                default -> throw new InputException("calculation.dimension must be 1 or 3, got " + dimension);
            };
        }
        write(directory, run, echo);
        CalculationResult result = run.result();
        stdout.printf(Locale.ROOT, "%s: E = %.10f Ha (%.6f eV), %d iterations, %s; results in %s%n", result.method(),
                result.totalEnergy(), org.ofdft.grids.Units.hartreeToEv(result.totalEnergy()), result.iterations(),
                result.converged() ? "converged" : "NOT converged", directory);
        if (!result.converged()) {
            ConvergenceCriteria c = result.criteria();
            double residual = result.history().isEmpty() ? Double.NaN
                    : result.history().get(result.history().size() - 1).residual();
            err.printf(Locale.ROOT, "ofdft scf: warning: not converged within %d iterations (last residual %.3e, "
                    + "tolerance %.1e; energy tolerance %.1e Ha); result.json has \"converged\": false%n",
                    c.maxIterations(), residual, c.residualTolerance(), c.energyTolerance());
            return EXIT_NOT_CONVERGED;
        }
        return 0;
    }

    /** A finished run: the result, what else belongs in result.json, and the atoms (3D; null in 1D). */
    record Run(CalculationResult result, Map<String, Object> extra, Structure structure) {
        Run(CalculationResult result, Map<String, Object> extra) {
            this(result, extra, null);
        }
    }

    private Path inputDirectory() {
        Path parent = input.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }

    private void write(Path directory, Run run, JsonNode echo) throws IOException {
        CalculationResult result = run.result();
        ObjectNode json = ResultJson.build(result, run.extra(), echo, input.toString(), VersionProvider.version());
        if (result.density().grid().dimension() == 1) {
            org.ofdft.grids.Grid1D grid = (org.ofdft.grids.Grid1D) result.density().grid();
            Npy.write(directory.resolve("density.npy"), NpyArray.ofDoubles(result.density().values().clone(), grid.size()));
            Npy.write(directory.resolve("grids.npy"), NpyArray.ofDoubles(grid.coordinates(), grid.size()));
            if (!noPlots) {
                Plots.density1D(directory.resolve("density.png"), result.density(), titleOf(echo), null, null);
            }
        }
        if (result.density().grid() instanceof org.ofdft.grids.Grid3D) {
            GaussianCube.write(directory.resolve("density.cube"), result.density(), Elements.cubeAtoms(run.structure()),
                    titleOf(echo) + ": electron density (electrons/bohr^3), ofdft " + result.method());
            if (!noPlots) {
                Plots.densitySlice(directory.resolve("density_slice.png"), result.density(), titleOf(echo));
            }
        }
        if (!noPlots) {
            Plots.convergence(directory.resolve("convergence.png"), result.history(), "Convergence: " + titleOf(echo));
        }
        ResultJson.write(directory.resolve("result.json"), json);
    }

    private static String titleOf(JsonNode echo) {
        JsonNode title = echo.path("calculation").path("title");
        return title.isTextual() ? title.asText() : "ofdft scf";
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Shared solver settings: convergence criteria with the defaults of each method. */
    static ConvergenceCriteria criteria(ScfInput.Solver solver, double energyTolerance, double residualTolerance,
                                        int maxIterations) {
        double energy = Checks.orDefault(solver.energyTolerance(), energyTolerance);
        double residual = Checks.orDefault(solver.residualTolerance(), residualTolerance);
        int iterations = Checks.orDefault(solver.maxIterations(), maxIterations);
        if (!(energy > 0) || !(residual > 0)) {
            throw new InputException("solver.energy_tolerance and solver.residual_tolerance must be positive");
        }
        if (iterations < 1) {
            throw new InputException("solver.max_iterations must be at least 1, got " + iterations);
        }
        return new ConvergenceCriteria(energy, residual, iterations);
    }

}
