package org.ofdft.solver.ofdft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.functionals.TotalFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;

/**
 * Orbital-free DFT by direct minimization of E[n] (any {@link DensityFunctional}, typically a
 * {@link TotalFunctional} of kinetic, Hartree, exchange–correlation and external terms) over densities with
 * ∫n = N and n ≥ 0.
 *
 * <p><b>Parametrization</b> (DFTpy's, {@code dftpy/optimization.py}; Shao, Mi, Pavanello et al., WIREs
 * Comput. Mol. Sci. 11, e1482 (2021)): n = φ², so n ≥ 0 holds by construction, and the constraint is the
 * sphere ∫φ² = N. With the L² inner product of the grid, ⟨f, g⟩ = Σ f_j g_j ΔV, the gradient of E[φ²] is
 * 2φ·δE/δn; projected onto the sphere's tangent space at φ it is
 * <pre>
 *   g = 2φ (δE/δn − μ),     μ = ∫ (δE/δn) n / N,
 * </pre>
 * which vanishes exactly at the constrained stationary points (δE/δn = μ wherever n &gt; 0).
 *
 * <p><b>Residual</b> (the convergence measure reported in every {@link ConvergenceStep}): the n-weighted L²
 * norm of δE/δn − μ,
 * <pre>
 *   R = ( ∫ n (δE/δn − μ)² dV )^½ = ‖φ (δE/δn − μ)‖ = ‖g‖/2      (hartree · electrons^½),
 * </pre>
 * the square root of the "dP" column that DFTpy prints. Weighting by n keeps R meaningful where n → 0, where
 * δE/δn − μ is ill-defined (and irrelevant).
 *
 * <p><b>Steps.</b> A {@link Method} gives a direction d in the tangent space: limited-memory BFGS
 * ({@link LbfgsDirection}) or truncated Newton with finite-difference Hessian–vector products
 * ({@link TruncatedNewtonDirection}). If d does not descend (⟨g, d⟩ ≥ 0) the memory is dropped and d = −g.
 * With p̂ = d·√N/‖d‖ the new point is φ cos θ + p̂ sin θ, which keeps ∫φ² = N for every θ (up to round-off),
 * θ chosen by a strong-Wolfe line search ({@link RotationLineSearch}) that starts from θ = atan(‖d‖/√N) (the
 * full quasi-Newton or Newton step, retracted onto the sphere) or, for a bare gradient, from at most
 * {@link Options#firstAngle()}. If the line search finds no acceptable point along a quasi-Newton or Newton
 * direction it is retried along −g; if that fails too the run stops (see below).
 *
 * <p><b>Convergence</b>: after each step, |ΔE| &lt; energy tolerance (absolute, whole cell, hartree) and
 * R &lt; residual tolerance of the {@link ConvergenceCriteria}, both on the same step, within
 * {@code maxIterations} steps. The history starts with iteration 0, the starting density (ΔE = E, one
 * evaluation), so {@link CalculationResult#iterations()} is the number of steps plus one, and the last
 * entry's {@link ConvergenceStep#iteration()} is the number of steps (DFTpy's step column). Each entry carries
 * the cumulative number of energy+potential evaluations: starting point, line-search trials and, for truncated
 * Newton, one per Hessian–vector product. A run that reaches the step limit returns {@code converged = false}
 * with its history. If no step can lower the energy (a line search along −g fails, usually at the round-off
 * floor, or the gradient is exactly zero) the run records a final step with ΔE = 0 at the same density and
 * stops, converged if R meets the residual tolerance.
 *
 * <p><b>Result</b>: method {@value #METHOD}; energies per term from {@link TotalFunctional#energyTerms} (one
 * more evaluation, not counted in the history) or, for any other functional, one term under its name; the
 * chemical potential μ; the density (a copy); ∫n; no eigenvalues or occupations.
 *
 * <p>All grid-sized work arrays are allocated in the constructor (three states of four arrays, the direction,
 * and the L-BFGS pairs or truncated-Newton vectors); a run allocates only the history and the returned
 * density. Instances are not thread-safe (nor, usually, are the functionals).
 */
public final class OrbitalFreeMinimizer {

    public static final String METHOD = "orbital_free";

    /** Direction rule. */
    public enum Method {
        /** Limited-memory BFGS on the tangent space of the sphere. */
        LBFGS,
        /** Truncated Newton: inner conjugate gradients with finite-difference Hessian–vector products. */
        TRUNCATED_NEWTON;

        /** Parses {@code lbfgs}, {@code tn} / {@code truncated_newton} (case-insensitive). */
        public static Method parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "lbfgs", "l-bfgs", "l_bfgs" -> LBFGS;
                case "tn", "truncated_newton", "truncated-newton", "newton" -> TRUNCATED_NEWTON;
                default -> throw new IllegalArgumentException("unknown orbital-free optimizer '" + name
                        + "'; valid names: lbfgs, tn");
            };
        }
    }

    /**
     * Settings of the minimizer.
     *
     * @param method            direction rule
     * @param memory            L-BFGS: number of stored curvature pairs m
     * @param maxInnerIterations truncated Newton: most CG iterations (Hessian–vector products) per step
     * @param forcing           truncated Newton: inner CG stops when ‖r‖ ≤ forcing·‖g‖
     * @param finiteDifferenceStep truncated Newton: largest finite-difference displacement relative to
     *                          ‖φ‖ = √N (it shrinks with the residual, see {@link TruncatedNewtonDirection})
     * @param wolfeC1           sufficient-decrease constant c₁
     * @param wolfeC2           curvature constant c₂ (strong Wolfe)
     * @param maxLineSearchEvaluations most evaluations per line search
     * @param firstAngle        largest first trial rotation θ along a bare gradient (radians)
     */
    public record Options(Method method, int memory, int maxInnerIterations, double forcing,
                          double finiteDifferenceStep, double wolfeC1, double wolfeC2,
                          int maxLineSearchEvaluations, double firstAngle) {

        /** L-BFGS memory m used by default. */
        public static final int DEFAULT_MEMORY = 10;

        public Options {
            if (method == null) {
                throw new IllegalArgumentException("an optimizer method is required");
            }
            if (memory < 1) {
                throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
            }
            if (maxInnerIterations < 1) {
                throw new IllegalArgumentException("truncated Newton needs at least one inner iteration, got "
                        + maxInnerIterations);
            }
            if (!(forcing > 0 && forcing < 1)) {
                throw new IllegalArgumentException("truncated-Newton forcing term must lie in (0, 1), got " + forcing);
            }
            if (!(finiteDifferenceStep > 0 && finiteDifferenceStep < 1)) {
                throw new IllegalArgumentException("finite-difference step must lie in (0, 1), got "
                        + finiteDifferenceStep);
            }
            if (!(wolfeC1 > 0 && wolfeC1 < wolfeC2 && wolfeC2 < 1)) {
                throw new IllegalArgumentException("Wolfe constants must satisfy 0 < c1 < c2 < 1, got c1 = "
                        + wolfeC1 + ", c2 = " + wolfeC2);
            }
            if (maxLineSearchEvaluations < 1) {
                throw new IllegalArgumentException("a line search needs at least one evaluation, got "
                        + maxLineSearchEvaluations);
            }
            if (!(firstAngle > 0 && firstAngle <= Math.PI / 2)) {
                throw new IllegalArgumentException("first rotation angle must lie in (0, pi/2], got " + firstAngle);
            }
        }

        /**
         * Defaults: memory 10, at most 50 inner CG iterations with forcing 0.1, finite-difference step ≤ 1e-7·√N,
         * c₁ = 1e-4, c₂ = 0.9, at most 20 evaluations per line search, first rotation along a gradient ≤ 0.1.
         */
        public static Options defaults(Method method) {
            return new Options(method, DEFAULT_MEMORY, 50, 0.1, 1e-7, 1e-4, 0.9, 20, 0.1);
        }

        public Options withMemory(int m) {
            return new Options(method, m, maxInnerIterations, forcing, finiteDifferenceStep, wolfeC1, wolfeC2,
                    maxLineSearchEvaluations, firstAngle);
        }

        public Options withMaxInnerIterations(int iterations) {
            return new Options(method, memory, iterations, forcing, finiteDifferenceStep, wolfeC1, wolfeC2,
                    maxLineSearchEvaluations, firstAngle);
        }

        public Options withForcing(double eta) {
            return new Options(method, memory, maxInnerIterations, eta, finiteDifferenceStep, wolfeC1, wolfeC2,
                    maxLineSearchEvaluations, firstAngle);
        }

        public Options withWolfe(double c1, double c2) {
            return new Options(method, memory, maxInnerIterations, forcing, finiteDifferenceStep, c1, c2,
                    maxLineSearchEvaluations, firstAngle);
        }
    }

    private final DensityFunctional functional;
    private final Options options;
    private final Grid grid;
    private final PhiObjective objective;
    private final SearchDirection directionRule;
    private final RotationLineSearch lineSearch;
    private final double[] direction;
    private PhiState current;
    private PhiState trial;
    private PhiState spare;

    public OrbitalFreeMinimizer(DensityFunctional functional, Method method) {
        this(functional, Options.defaults(method));
    }

    public OrbitalFreeMinimizer(DensityFunctional functional, Options options) {
        this(functional, options, ParallelRange.serial());
    }

    /**
     * With the minimizer's own grid loops (densities, gradients, the directions' vector updates and inner
     * products) on {@code parallel}, e.g. the FFT backend's workers of the functional's grid.
     */
    public OrbitalFreeMinimizer(DensityFunctional functional, Options options, ParallelRange parallel) {
        this(functional, options, parallel, null);
    }

    /**
     * As {@link #OrbitalFreeMinimizer(DensityFunctional, Options, ParallelRange)}, with the truncated-Newton
     * inner conjugate gradients preconditioned by {@code preconditioner} (null: none; L-BFGS ignores it).
     */
    public OrbitalFreeMinimizer(DensityFunctional functional, Options options, ParallelRange parallel,
                                Preconditioner preconditioner) {
        if (functional == null || options == null || parallel == null) {
            throw new IllegalArgumentException("a functional, options and a parallel range are required");
        }
        this.functional = functional;
        this.options = options;
        this.grid = functional.grid();
        this.objective = new PhiObjective(functional, parallel);
        this.directionRule = switch (options.method()) {
            case LBFGS -> new LbfgsDirection(objective, options.memory());
            case TRUNCATED_NEWTON -> new TruncatedNewtonDirection(objective, options.maxInnerIterations(),
                    options.forcing(), options.finiteDifferenceStep(), preconditioner);
        };
        this.lineSearch = new RotationLineSearch(objective, options.wolfeC1(), options.wolfeC2(),
                options.maxLineSearchEvaluations(), Math.PI / 2);
        this.direction = new double[grid.size()];
        this.current = new PhiState(grid);
        this.trial = new PhiState(grid);
        this.spare = new PhiState(grid);
    }

    public DensityFunctional functional() {
        return functional;
    }

    public Options options() {
        return options;
    }

    /**
     * The uniform density with Σ n_j ΔV = N on {@code grid}: N/V on periodic grids; on a 1D box
     * N/(M·h) for M interior points (the walls are not grid points, so this is slightly above N/L).
     */
    public static RealField uniformDensity(Grid grid, double electrons) {
        checkElectrons(electrons);
        return RealField.constant(grid, electrons / (grid.size() * grid.volumeElement()));
    }

    /** Minimizes from {@code initialDensity}, keeping its electron number ∫n. */
    public CalculationResult minimize(RealField initialDensity, ConvergenceCriteria criteria) {
        return minimize(initialDensity, Double.NaN, criteria, null);
    }

    /** Minimizes from {@code initialDensity}, keeping its electron number; {@code progress} may be null. */
    public CalculationResult minimize(RealField initialDensity, ConvergenceCriteria criteria,
                                      Consumer<ConvergenceStep> progress) {
        return minimize(initialDensity, Double.NaN, criteria, progress);
    }

    /**
     * Minimizes E[n] with ∫n = {@code electrons}, starting from {@code initialDensity} scaled to that many
     * electrons (NaN: keep ∫ of the starting density).
     *
     * @param progress told of every history entry as it is made (iteration 0 included); may be null
     * @throws IllegalArgumentException if the starting density lives on another grid, has negative, NaN or
     *     infinite values (the message gives their number), or holds no electrons, or if {@code electrons} is
     *     not a positive number
     * @throws IllegalStateException if the functional's energy or potential is not finite at the start
     */
    public CalculationResult minimize(RealField initialDensity, double electrons, ConvergenceCriteria criteria,
                                      Consumer<ConvergenceStep> progress) {
        long start = System.nanoTime();
        if (criteria == null) {
            throw new IllegalArgumentException("convergence criteria are required");
        }
        double target = startingPoint(initialDensity, electrons);
        objective.resetEvaluations();
        directionRule.reset();

        objective.evaluate(current);
        if (!Double.isFinite(current.energy) || !Double.isFinite(current.residual)) {
            throw new IllegalStateException("the functional gives a non-finite energy (" + current.energy
                    + ") or potential at the starting density");
        }
        List<ConvergenceStep> history = new ArrayList<>();
        record(history, progress, 0, current.energy, current.energy);

        boolean converged = false;
        double sqrtN = Math.sqrt(target);
        for (int iteration = 1; iteration <= criteria.maxIterations(); iteration++) {
            double previousEnergy = current.energy;
            boolean moved = step(sqrtN);
            if (!moved) {
                // no step lowers the energy: the density stays; converged if the residual is small enough
                record(history, progress, iteration, current.energy, 0.0);
                converged = criteria.satisfied(0.0, current.residual);
                break;
            }
            double change = current.energy - previousEnergy;
            record(history, progress, iteration, current.energy, change);
            if (criteria.satisfied(change, current.residual)) {
                converged = true;
                break;
            }
        }

        RealField density = RealField.wrap(grid, current.density.clone());
        EnergyTerms energies;
        if (functional instanceof TotalFunctional total) {
            energies = total.energyTerms(density, null);
        } else {
            energies = new EnergyTerms(Map.of(functional.name(), current.energy), current.energy);
        }
        return new CalculationResult(METHOD, energies, density, current.chemicalPotential, null, null,
                density.integral(), converged, criteria, history, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * One step: direction, line search (retried along −g if needed), states swapped.
     *
     * @return false if no acceptable step was found (the current state is unchanged)
     */
    private boolean step(double sqrtN) {
        if (!(current.residual > 0)) {
            return false;
        }
        boolean ownLength = directionRule.compute(current, trial, direction);
        double slope = objective.dot(current.gradient, direction);
        if (!(slope < 0) || !Double.isFinite(slope)) {
            directionRule.reset();
            ownLength = steepestDescent();
            slope = objective.dot(current.gradient, direction);
        }
        if (search(sqrtN, slope, ownLength)) {
            return true;
        }
        if (!ownLength) {
            return false;
        }
        directionRule.reset();
        steepestDescent();
        return search(sqrtN, objective.dot(current.gradient, direction), false);
    }

    private boolean steepestDescent() {
        double[] g = current.gradient;
        for (int j = 0; j < g.length; j++) {
            direction[j] = -g[j];
        }
        return false;
    }

    /** Normalizes the direction to p̂ (⟂ φ, ‖p̂‖ = √N), searches, and on success makes the trial current. */
    private boolean search(double sqrtN, double slope, boolean ownLength) {
        objective.projectTangent(direction, current.phi, current.electrons);
        double norm = Math.sqrt(objective.dot(direction, direction));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return false;
        }
        double scale = sqrtN / norm;
        for (int j = 0; j < direction.length; j++) {
            direction[j] *= scale;
        }
        double unitSlope = slope * scale;
        double theta = Math.atan(norm / sqrtN);
        if (!ownLength) {
            theta = Math.min(theta, options.firstAngle());
        }
        if (!lineSearch.search(current, direction, unitSlope, theta, trial)) {
            return false;
        }
        PhiState previous = current;
        current = trial;
        trial = spare;
        spare = previous;
        directionRule.accepted(previous, current);
        return true;
    }

    private void record(List<ConvergenceStep> history, Consumer<ConvergenceStep> progress, int iteration,
                        double energy, double change) {
        ConvergenceStep step = new ConvergenceStep(iteration, energy, change, current.residual,
                objective.evaluations());
        history.add(step);
        if (progress != null) {
            progress.accept(step);
        }
    }

    /** Validates the starting density, writes φ = √(n·N/∫n) into the current state, returns N. */
    private double startingPoint(RealField initialDensity, double electrons) {
        if (initialDensity == null) {
            throw new IllegalArgumentException("a starting density is required");
        }
        if (!initialDensity.grid().equals(grid)) {
            throw new IllegalArgumentException("starting density lives on " + initialDensity.grid()
                    + " but the functional is bound to " + grid);
        }
        double[] n = initialDensity.values();
        int bad = 0;
        for (double value : n) {
            if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException("starting density has " + bad
                    + " negative, NaN or infinite values (of " + n.length + " grid points)");
        }
        double integral = initialDensity.integral();
        if (!(integral > 0) || !Double.isFinite(integral)) {
            throw new IllegalArgumentException("starting density holds no electrons (integral " + integral + ")");
        }
        double target = integral;
        if (!Double.isNaN(electrons)) {
            checkElectrons(electrons);
            target = electrons;
        }
        double factor = Math.sqrt(target / integral);
        double[] phi = current.phi;
        for (int j = 0; j < n.length; j++) {
            phi[j] = Math.sqrt(n[j]) * factor;
        }
        return target;
    }

    private static void checkElectrons(double electrons) {
        if (!(electrons > 0) || !Double.isFinite(electrons)) {
            throw new IllegalArgumentException("the number of electrons must be positive and finite, got "
                    + electrons);
        }
    }
}
