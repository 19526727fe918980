package org.ofdft.ml.xc;

import java.util.List;
import java.util.Locale;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.hartree.Hartree1D;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;
import org.ofdft.solver.ks1d.KohnSham1D;
import org.ofdft.solver.mixing.PulayMixing;

/**
 * Spin-unpolarized Kohn–Sham self-consistency with a given XC term (neural or classical) on a 1D box —
 * {@link KohnSham1D} with Hartree + XC and Pulay mixing — and the comparison of the result with an exact
 * reference (density and total energy). A run that does not converge is returned with its residual history
 * ({@link Outcome#converged()} false, {@link Outcome#describeHistory()}); {@link Outcome#requireConverged()}
 * turns that into an exception carrying the history.
 */
public final class XcSelfConsistency {

    /** |ΔE| &lt; 1e-9 Ha and ∫|n_out − n_in| &lt; 1e-7, at most 300 iterations. */
    public static final ConvergenceCriteria CRITERIA = new ConvergenceCriteria(1e-9, 1e-7, 300);

    /**
     * One self-consistent run against its reference.
     *
     * @param maxDensityError max_j |n_j − n_exact,j|
     * @param densityL1       ∫|n − n_exact| dx
     */
    public record Outcome(String label, boolean converged, int iterations, double energy, double referenceEnergy,
                          double maxDensityError, double densityL1, double[] density, List<ConvergenceStep> history) {

        public Outcome {
            history = List.copyOf(history);
        }

        public double energyError() {
            return energy - referenceEnergy;
        }

        /** "iteration: E, ΔE, residual" lines of the whole run. */
        public String describeHistory() {
            StringBuilder text = new StringBuilder();
            for (ConvergenceStep step : history) {
                text.append(String.format(Locale.ROOT, "  %3d  E = %.10f  dE = %.3e  residual = %.3e%n",
                        step.iteration(), step.energy(), step.energyChange(), step.residual()));
            }
            return text.toString();
        }

        /** This outcome if converged; otherwise IllegalStateException with the residual history. */
        public Outcome requireConverged() {
            if (!converged) {
                throw new IllegalStateException("Kohn-Sham SCF for " + label + " did not converge in " + iterations
                        + " iterations; residual history:\n" + describeHistory());
            }
            return this;
        }
    }

    private final Grid1D grid;
    private final KohnSham1D solver;
    private final ConvergenceCriteria criteria;

    /**
     * @param order finite-difference order of the kinetic operator (4 for the dft1d data and the references)
     * @param xc    the XC term, bound to {@code grid}
     */
    public XcSelfConsistency(Grid1D grid, int order, Interaction1D interaction, DensityFunctional xc,
                             ConvergenceCriteria criteria) {
        this.grid = grid;
        this.criteria = criteria;
        this.solver = new KohnSham1D(grid, order, SpinTreatment.UNPOLARIZED,
                List.of(new Hartree1D(grid, interaction, new JavaFftBackend(1)), xc));
    }

    public KohnSham1D solver() {
        return solver;
    }

    /** The self-consistent solution for v_ext with {@code electrons} electrons, compared with the reference. */
    public Outcome solve(String label, double[] externalPotential, double electrons, double[] referenceDensity,
                         double referenceEnergy) {
        grid.checkField(referenceDensity, "reference density of " + label);
        CalculationResult result = solver.solve(RealField.wrap(grid, externalPotential), electrons,
                new PulayMixing(8, 0.5, grid.spacing()), criteria);
        double[] n = result.density().values();
        double worst = 0;
        double l1 = 0;
        for (int j = 0; j < n.length; j++) {
            double difference = Math.abs(n[j] - referenceDensity[j]);
            worst = Math.max(worst, difference);
            l1 += difference * grid.spacing();
        }
        return new Outcome(label, result.converged(), result.iterations(), result.totalEnergy(), referenceEnergy,
                worst, l1, n.clone(), result.history());
    }
}
