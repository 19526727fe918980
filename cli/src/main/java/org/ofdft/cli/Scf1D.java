package org.ofdft.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ofdft.cli.input.Checks;
import org.ofdft.cli.input.InputException;
import org.ofdft.cli.input.Model1D;
import org.ofdft.cli.input.ScfInput;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.ks1d.KohnSham1D;
import org.ofdft.solver.mixing.DensityMixer;
import org.ofdft.solver.mixing.LinearMixing;
import org.ofdft.solver.mixing.PulayMixing;

/** The 1D calculations of {@code ofdft scf}: Kohn–Sham (exact non-interacting or self-consistent). */
final class Scf1D {

    private Scf1D() {
    }

    static ScfCommand.Run run(ScfInput input, java.nio.file.Path inputDirectory, ScfInput.Solver solver,
                              FftBackend backend, Consumer<ConvergenceStep> progress) {
        if (solver.preconditioner() != null) {
            throw new InputException("solver.preconditioner is for 3D orbital-free runs (optimizer = \"tn\")");
        }
        Model1D model = Model1D.build(input, inputDirectory, backend);
        String method = Checks.choice(input.calculation().method(), "kohn_sham", "calculation.method",
                ScfCommand.METHODS);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("spin", model.spin().name().toLowerCase(java.util.Locale.ROOT));
        extra.put("interaction", model.interactionName());
        extra.put("xc", model.xcName());
        if (model.nuclearRepulsion() != null) {
            extra.put("nuclear_repulsion", model.nuclearRepulsion());
        }
        if (method.equals("kohn_sham")) {
            KohnSham1D kohnSham = new KohnSham1D(model.grid(), model.stencilOrder(), model.spin(), model.interaction());
            ConvergenceCriteria criteria = ScfCommand.criteria(solver, 1e-9, 1e-7, 200);
            String mixing = Checks.choice(solver.mixing(), "pulay", "solver.mixing", java.util.List.of("pulay", "linear"));
            double alpha = Checks.orDefault(solver.mixingParameter(), mixing.equals("pulay") ? 0.5 : 0.3);
            if (!(alpha > 0 && alpha <= 1)) {
                throw new InputException("solver.mixing_parameter must be in (0, 1], got " + alpha);
            }
            DensityMixer mixer = mixing.equals("pulay")
                    ? new PulayMixing(Checks.orDefault(solver.mixingHistory(), 8), alpha, model.grid().spacing())
                    : new LinearMixing(alpha);
            extra.put("mixing", mixing);
            CalculationResult result = kohnSham.solve(model.externalPotential(), model.electrons(), null, mixer,
                    criteria, progress);
            return new ScfCommand.Run(result, extra);
        }
        java.util.List<String> kineticNames = new java.util.ArrayList<>(org.ofdft.functionals.FunctionalCatalog.KINETIC);
        kineticNames.add("ml");
        String kineticName = Checks.choice(input.functionals() == null ? null : input.functionals().kinetic(), null,
                "functionals.kinetic", kineticNames);
        if (kineticName.equals("ml")) {
            return machineLearned(input, inputDirectory, solver, model, extra, progress);
        }
        java.util.List<org.ofdft.functionals.DensityFunctional> terms = new java.util.ArrayList<>(
                org.ofdft.functionals.FunctionalCatalog.kinetic(kineticName, model.context()));
        terms.addAll(model.interaction());
        terms.add(new org.ofdft.functionals.external.FixedPotential("external", model.externalPotential()));
        String optimizer = Checks.choice(solver.optimizer(), "tn", "solver.optimizer", java.util.List.of("tn", "lbfgs"));
        ConvergenceCriteria criteria = ScfCommand.criteria(solver, 1e-10, 1e-6, 500);
        org.ofdft.solver.ofdft.OrbitalFreeMinimizer minimizer = new org.ofdft.solver.ofdft.OrbitalFreeMinimizer(
                new org.ofdft.functionals.TotalFunctional(terms),
                org.ofdft.solver.ofdft.OrbitalFreeMinimizer.Method.parse(optimizer));
        CalculationResult result = minimizer.minimize(
                org.ofdft.solver.ofdft.OrbitalFreeMinimizer.uniformDensity(model.grid(), model.electrons()),
                criteria, progress);
        extra.put("kinetic_functional", kineticName);
        extra.put("optimizer", optimizer);
        return new ScfCommand.Run(result, extra);
    }

    /**
     * Orbital-free with an ML kinetic model ({@code kinetic = "ml"}, {@code kinetic_model = FILE}), minimized
     * by projected gradient descent on the model's training manifold (optimizer {@code projected}).
     */
    private static ScfCommand.Run machineLearned(ScfInput input, java.nio.file.Path inputDirectory,
                                                 ScfInput.Solver solver, Model1D model, Map<String, Object> extra,
                                                 Consumer<ConvergenceStep> progress) {
        String file = Checks.required(input.functionals().kineticModel(), "functionals.kinetic_model");
        java.nio.file.Path path = inputDirectory.resolve(file);
        org.ofdft.ml.kinetic.KineticModelTraining.Trained trained;
        try {
            trained = org.ofdft.ml.kinetic.KineticModelFile.read(path);
        } catch (java.io.IOException e) {
            throw new InputException("functionals.kinetic_model: " + e.getMessage());
        }
        if (model.electrons() != trained.functional().electrons()) {
            throw new InputException("calculation.electrons = " + model.electrons() + " but the kinetic model " + file
                    + " was trained for " + trained.functional().electrons() + " electrons");
        }
        if (!model.grid().equals(trained.functional().grid())) {
            throw new InputException("the grid " + model.grid() + " differs from the kinetic model's "
                    + trained.functional().grid() + " (" + file + "); use its box and point count");
        }
        Checks.choice(solver.optimizer(), "projected", "solver.optimizer", java.util.List.of("projected"));
        org.ofdft.ml.kinetic.KineticModelEvaluation.SelfConsistency paper =
                org.ofdft.ml.kinetic.KineticModelEvaluation.SelfConsistency.paper();
        ConvergenceCriteria criteria = ScfCommand.criteria(solver, paper.criteria().energyTolerance(),
                paper.criteria().residualTolerance(), paper.criteria().maxIterations());
        CalculationResult result = org.ofdft.ml.kinetic.MlOrbitalFree.minimize(trained, model.externalPotential(),
                model.interaction(), new org.ofdft.ml.kinetic.KineticModelEvaluation.SelfConsistency(
                        paper.neighbours(), paper.components(), criteria), progress);
        extra.put("kinetic_functional", "ml");
        extra.put("kinetic_model", path.toString());
        extra.put("optimizer", "projected");
        return new ScfCommand.Run(result, extra);
    }
}
