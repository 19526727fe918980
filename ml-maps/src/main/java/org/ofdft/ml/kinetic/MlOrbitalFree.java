package org.ofdft.ml.kinetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceStep;

/**
 * Orbital-free DFT in 1D with an ML kinetic functional: E[n] = T^ML[n] + Σ_terms E_t[n] + ∫ v n minimized by
 * {@link ProjectedGradientDescent} on the local-PCA manifold of the model's training densities (the raw
 * functional derivative of a kernel model is not usable by an unconstrained minimizer; Snyder et al.,
 * PRL 108, 253002 (2012)), from the training density whose potential is nearest to v. The result has the
 * same form as every other solver's.
 */
public final class MlOrbitalFree {

    public static final String METHOD = "orbital_free_ml";

    private MlOrbitalFree() {
    }

    /**
     * @param externalPotential v on the model's interior box grid
     * @param otherTerms further functionals on that grid (Hartree, XC; may be empty)
     */
    public static CalculationResult minimize(KineticModelTraining.Trained trained, RealField externalPotential,
                                             List<DensityFunctional> otherTerms,
                                             KineticModelEvaluation.SelfConsistency settings,
                                             Consumer<ConvergenceStep> progress) {
        long start = System.nanoTime();
        MlKineticFunctional kinetic = trained.functional();
        Grid1D grid = (Grid1D) kinetic.grid();
        if (!externalPotential.grid().equals(grid)) {
            throw new IllegalArgumentException("the ML kinetic model lives on " + grid + " (its training grid) but the "
                    + "calculation is on " + externalPotential.grid() + "; use the model's box and points");
        }
        for (DensityFunctional term : otherTerms) {
            if (!term.grid().equals(grid)) {
                throw new IllegalArgumentException(term.name() + " is on " + term.grid() + ", the model on " + grid);
            }
        }
        int points = grid.size() + 2;
        double h = kinetic.spacing();
        double[] v = new double[points];
        System.arraycopy(externalPotential.values(), 0, v, 1, points - 2);
        RealField interiorDensity = RealField.wrap(grid, new double[points - 2]);
        RealField interiorPotential = RealField.wrap(grid, new double[points - 2]);
        ProjectedGradientDescent.Objective others = otherTerms.isEmpty() ? null : (n, gradient) -> {
            double[] inner = interiorDensity.values();
            System.arraycopy(n, 1, inner, 0, inner.length);
            java.util.Arrays.fill(interiorPotential.values(), 0);
            double energy = 0;
            for (DensityFunctional term : otherTerms) {
                energy += term.energyAndPotential(interiorDensity, interiorPotential);
            }
            for (int j = 1; j < points - 1; j++) {
                gradient[j] += h * interiorPotential.values()[j - 1];
            }
            return energy;
        };
        ProjectedGradientDescent.Result result = minimizeOnManifold(kinetic, trained.trainingPotentials(), v, others,
                settings);
        result.history().forEach(progress);
        double[] density = java.util.Arrays.copyOfRange(result.density(), 1, points - 1);
        RealField field = RealField.wrap(grid, density);
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put(kinetic.name(), kinetic.energyAndGradient(result.density(), null));
        for (DensityFunctional term : otherTerms) {
            terms.put(term.name(), term.energy(field));
        }
        double external = 0;
        double electrons = 0;
        for (int j = 0; j < density.length; j++) {
            external += h * externalPotential.values()[j] * density[j];
            electrons += h * density[j];
        }
        terms.put("external", external);
        double total = terms.values().stream().mapToDouble(Double::doubleValue).sum();
        return new CalculationResult(METHOD, new EnergyTerms(terms, total), field, null, null, null, electrons,
                result.converged(), settings.criteria(), result.history(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The projected minimization of E[n] = T^ML[n] + Σ_j h v_j n_j (+ {@code others}, which adds its energy
     * and its gradient ∂/∂n_j) over density vectors on the dataset's points, from the training density whose
     * potential is nearest to v.
     */
    static ProjectedGradientDescent.Result minimizeOnManifold(MlKineticFunctional kinetic, double[][] trainingPotentials,
                                                              double[] potential,
                                                              ProjectedGradientDescent.Objective others,
                                                              KineticModelEvaluation.SelfConsistency settings) {
        double h = kinetic.spacing();
        double[][] densities = kinetic.trainingDensities();
        if (trainingPotentials == null || trainingPotentials.length != densities.length) {
            throw new IllegalArgumentException("the self-consistent minimization needs the potentials of the "
                    + densities.length + " training densities");
        }
        ProjectedGradientDescent.Objective objective = (n, gradient) -> {
            double energy = kinetic.energyAndGradient(n, gradient);
            for (int j = 0; j < n.length; j++) {
                energy += h * potential[j] * n[j];
                gradient[j] += h * potential[j];
            }
            return others == null ? energy : energy + others.valueAndGradient(n, gradient);
        };
        double[] start = densities[nearestRow(trainingPotentials, potential)];
        return new ProjectedGradientDescent(new LocalPcaProjection(densities, settings.neighbours(),
                settings.components())).minimize(objective, start, settings.criteria());
    }

    private static int nearestRow(double[][] rows, double[] target) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            double d = 0;
            for (int j = 0; j < target.length; j++) {
                double difference = rows[i][j] - target[j];
                d += difference * difference;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
