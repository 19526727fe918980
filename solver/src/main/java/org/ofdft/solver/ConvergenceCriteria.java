package org.ofdft.solver;

/**
 * When a run counts as converged: |ΔE| below {@code energyTolerance} (hartree) and the residual below
 * {@code residualTolerance} on the same iteration, within {@code maxIterations}.
 */
public record ConvergenceCriteria(double energyTolerance, double residualTolerance, int maxIterations) {

    public ConvergenceCriteria {
        if (!(energyTolerance > 0) || !(residualTolerance > 0)) {
            throw new IllegalArgumentException("convergence tolerances must be positive, got energy "
                    + energyTolerance + ", residual " + residualTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be at least 1, got " + maxIterations);
        }
    }

    public boolean satisfied(double energyChange, double residual) {
        return Math.abs(energyChange) < energyTolerance && residual < residualTolerance;
    }
}
