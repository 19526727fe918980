package org.ofdft.ml.kinetic;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;

/**
 * Minimizes E[n] = T^ML[n] + Σ_j v_j n_j Δx over densities on the data manifold (Snyder et al.,
 * PRL 108, 253002 (2012)): each step moves along the gradient projected onto the local principal
 * directions of the nearest training densities, n ← n − η P(n)∇E, with η found by backtracking (Armijo,
 * halving until E decreases by at least 1e-4·η|P∇E|²), then puts the density back on the local affine
 * plane, n ← n̄ + P(n − n̄) (the correction step of the nonlinear gradient descent of Snyder et al.,
 * J. Chem. Phys. 139, 224104 (2013)). Both moves keep ∫n fixed because the plane's directions integrate
 * to zero. Stops when a step changes E by less than the energy tolerance with |P∇E| below the residual
 * tolerance, or when no step of at least 1e-12 lowers E (the noise floor of the model; converged if
 * |P∇E| is then below the residual tolerance).
 */
public final class ProjectedGradientDescent {

    /** E(n) and its gradient ∂E/∂n_j with respect to the density vector (no Δx factor). */
    @FunctionalInterface
    public interface Objective {
        double valueAndGradient(double[] density, double[] gradient);
    }

    /** The minimum found: the density, its energy, whether the criteria were met, and the history. */
    public record Result(double[] density, double energy, boolean converged, List<ConvergenceStep> history) {
    }

    /** Smallest trial step before the line search gives up. */
    private static final double MIN_STEP = 1e-12;

    private final LocalPcaProjection projection;

    public ProjectedGradientDescent(LocalPcaProjection projection) {
        this.projection = projection;
    }

    /**
     * From {@code start} (not modified). Converged when both |ΔE| between steps is below
     * {@code criteria.energyTolerance()} and the projected gradient norm |P∇E| below
     * {@code criteria.residualTolerance()}.
     */
    public Result minimize(Objective objective, double[] start, ConvergenceCriteria criteria) {
        int points = start.length;
        double[] density = start.clone();
        double[] trial = new double[points];
        double[] gradient = new double[points];
        double[] trialGradient = new double[points];
        List<ConvergenceStep> history = new ArrayList<>();
        projection.update(density);
        projection.projectDensity(density);
        double energy = objective.valueAndGradient(density, gradient);
        projection.projectDirection(gradient);
        double step = 1.0;
        int evaluations = 1;
        for (int iteration = 1; iteration <= criteria.maxIterations(); iteration++) {
            double gradientSquared = dot(gradient, gradient);
            double trialEnergy;
            while (true) {
                for (int p = 0; p < points; p++) {
                    trial[p] = density[p] - step * gradient[p];
                }
                trialEnergy = objective.valueAndGradient(trial, trialGradient);
                evaluations++;
                if (trialEnergy <= energy - 1e-4 * step * gradientSquared) {
                    break;
                }
                step *= 0.5;
                if (step < MIN_STEP) {
                    // no step decreases E any more: the energy's noise floor is reached
                    boolean converged = Math.sqrt(gradientSquared) < criteria.residualTolerance();
                    return new Result(density, energy, converged, history);
                }
            }
            projection.update(trial);
            projection.projectDensity(trial);
            trialEnergy = objective.valueAndGradient(trial, trialGradient);
            evaluations++;
            projection.projectDirection(trialGradient);
            double change = trialEnergy - energy;
            double residual = Math.sqrt(dot(trialGradient, trialGradient));
            System.arraycopy(trial, 0, density, 0, points);
            System.arraycopy(trialGradient, 0, gradient, 0, points);
            energy = trialEnergy;
            history.add(new ConvergenceStep(iteration, energy, change, residual, evaluations));
            if (Math.abs(change) < criteria.energyTolerance() && residual < criteria.residualTolerance()) {
                return new Result(density, energy, true, history);
            }
            step *= 2; // let the step grow again after successful moves
        }
        return new Result(density, energy, false, history);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
