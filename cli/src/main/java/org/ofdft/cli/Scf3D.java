package org.ofdft.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ofdft.cli.input.Checks;
import org.ofdft.cli.input.InputException;
import org.ofdft.cli.input.Model3D;
import org.ofdft.cli.input.ScfInput;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.ofdft.OrbitalFreeMinimizer;

/** The 3D calculations of {@code ofdft scf}: orbital-free DFT with local pseudopotentials. */
final class Scf3D {

    private Scf3D() {
    }

    static ScfCommand.Run run(ScfInput input, Path inputDirectory, ScfInput.Solver solver, FftBackend backend,
                              Consumer<ConvergenceStep> progress) {
        String method = Checks.choice(input.calculation().method(), "orbital_free", "calculation.method",
                ScfCommand.METHODS);
        if (method.equals("kohn_sham")) {
            throw new InputException("3D Kohn-Sham (plane waves) is not available yet; use method = \"orbital_free\"");
        }
        Model3D model = Model3D.build(input, inputDirectory, backend);
        String optimizer = Checks.choice(solver.optimizer(), "tn", "solver.optimizer", List.of("tn", "lbfgs"));
        if (solver.mixing() != null || solver.mixingParameter() != null || solver.mixingHistory() != null) {
            throw new InputException("solver.mixing* keys are for Kohn-Sham runs; orbital-free runs take solver.optimizer");
        }
        // DFTpy's convention for these runs: energy change per cell 1e-9 Ha × atoms.
        ConvergenceCriteria criteria = ScfCommand.criteria(solver, 1e-9 * Math.max(1, model.structure().atomCount()),
                1e-5, 200);
        OrbitalFreeMinimizer minimizer = new OrbitalFreeMinimizer(model.functional(),
                OrbitalFreeMinimizer.Method.parse(optimizer));
        CalculationResult result = minimizer.minimize(
                OrbitalFreeMinimizer.uniformDensity(model.grid(), model.electrons()), criteria, progress);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("atoms", model.structure().atomCount());
        extra.put("total_energy_per_atom", result.totalEnergy() / model.structure().atomCount());
        extra.put("kinetic_functional", model.kineticName());
        extra.put("xc", model.xcName());
        extra.put("optimizer", optimizer);
        return new ScfCommand.Run(result, extra, model.structure());
    }
}
