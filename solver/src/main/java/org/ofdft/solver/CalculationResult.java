package org.ofdft.solver;

import java.util.List;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.grids.RealField;

/**
 * The outcome of a calculation, whichever solver produced it: every energy term by name (hartree), the
 * density, the chemical potential (orbital-free) or the eigenvalues (Kohn–Sham; null otherwise), the
 * electron number ∫n, whether the convergence criteria were met, and the history of the run.
 */
public record CalculationResult(
        String method,
        EnergyTerms energies,
        RealField density,
        Double chemicalPotential,
        double[] eigenvalues,
        double[] occupations,
        double electrons,
        boolean converged,
        ConvergenceCriteria criteria,
        List<ConvergenceStep> history,
        double wallSeconds) {

    public CalculationResult {
        history = List.copyOf(history);
    }

    public double totalEnergy() {
        return energies.total();
    }

    public int iterations() {
        return history.size();
    }
}
