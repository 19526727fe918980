package org.ofdft.solver.ofdft;

import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.simd.ArrayMath;

/**
 * The energy E[φ²] of a {@link DensityFunctional} as a function of φ, with the L² inner product
 * ⟨f, g⟩ = Σ f_j g_j ΔV of the grid, and a counter of energy+potential evaluations (each call of
 * {@link DensityFunctional#energyAndPotential} counts one, whatever it is used for). Its grid loops, and
 * those of the search directions, run on a {@link ParallelRange} (the FFT backend's workers in a 3D run);
 * sums are added in worker order, so a run is reproducible for a given thread count.
 */
final class PhiObjective {

    /** Body of a loop over [from, to) that adds its block's contributions into {@code sums}. */
    @FunctionalInterface
    interface SumsBody {
        void run(int from, int to, double[] sums);
    }

    private final DensityFunctional functional;
    private final double volumeElement;
    private final ParallelRange parallel;
    /** Per-worker partial sums of {@link #sums}, and their totals. */
    private final double[][] partials;
    private final double[] totals;
    private int evaluations;

    PhiObjective(DensityFunctional functional, ParallelRange parallel) {
        this.functional = functional;
        this.volumeElement = functional.grid().volumeElement();
        this.parallel = parallel;
        this.partials = new double[parallel.threads()][MAX_SUMS];
        this.totals = new double[MAX_SUMS];
    }

    static final int MAX_SUMS = 3;

    /**
     * Runs {@code body} over the grid on the workers and returns the totals of its {@code count} sums (a
     * shared array, valid until the next call), added in worker order.
     */
    double[] sums(int count, SumsBody body) {
        for (double[] part : partials) {
            java.util.Arrays.fill(part, 0.0);
        }
        parallel.forEach(functional.grid().size(), (from, to, worker) -> body.run(from, to, partials[worker]));
        java.util.Arrays.fill(totals, 0.0);
        for (double[] part : partials) {
            for (int k = 0; k < count; k++) {
                totals[k] += part[k];
            }
        }
        return totals;
    }

    Grid grid() {
        return functional.grid();
    }

    /** ΔV of the inner product. */
    double volumeElement() {
        return volumeElement;
    }

    DensityFunctional functional() {
        return functional;
    }

    int evaluations() {
        return evaluations;
    }

    void resetEvaluations() {
        evaluations = 0;
    }

    /** Fills {@code state} (density, potential, energy, N, μ, gradient, residual) from {@code state.phi}. */
    void evaluate(PhiState state) {
        double electrons = evaluateEnergyAndPotential(state, state.phi, 0.0, state.phi);
        double[] phi = state.phi;
        double[] n = state.density;
        double[] v = state.potential;
        double[] g = state.gradient;
        double mu = electrons > 0 ? sums(1, (from, to, sums) -> sums[0] += ArrayMath.dot(v, n, from, to))[0]
                / electrons : 0.0;
        // g = 2(v − μ)φ and the residual Σ (v − μ)² n, in two partial sums (no single dependent chain)
        double r2 = sums(1, (from, to, sums) -> {
            double r0 = 0;
            double r1 = 0;
            int j = from;
            for (; j + 1 < to; j += 2) {
                double d0 = v[j] - mu;
                double d1 = v[j + 1] - mu;
                g[j] = 2 * d0 * phi[j];
                g[j + 1] = 2 * d1 * phi[j + 1];
                r0 += d0 * d0 * n[j];
                r1 += d1 * d1 * n[j + 1];
            }
            for (; j < to; j++) {
                double d = v[j] - mu;
                g[j] = 2 * d * phi[j];
                r0 += d * d * n[j];
            }
            sums[0] += r0 + r1;
        })[0];
        state.electrons = electrons * volumeElement;
        state.chemicalPotential = mu;
        state.residual = Math.sqrt(r2 * volumeElement);
    }

    /**
     * Sets {@code state.phi} = φ + h p and evaluates the energy and potential there ({@code state}'s density,
     * potential and energy; not its gradient or the other scalars). One fused pass writes φ + h p, its
     * square and the zeroed potential. Used for Hessian–vector products by finite differences.
     */
    void evaluateShifted(PhiState state, double[] phi, double h, double[] p) {
        evaluateEnergyAndPotential(state, phi, h, p);
    }

    /**
     * state.phi ← φ + h p, density ← state.phi², potential ← 0 in one pass, then E and v from the functional.
     * Returns Σ n_j (the electron number / ΔV). With φ = p = state.phi and h = 0 it evaluates at state.phi.
     */
    private double evaluateEnergyAndPotential(PhiState state, double[] phi, double h, double[] p) {
        double[] shifted = state.phi;
        double[] n = state.density;
        double[] v = state.potential;
        double electrons = sums(1, (from, to, sums) -> {
            double s0 = 0;
            double s1 = 0;
            int j = from;
            for (; j + 1 < to; j += 2) {
                double f0 = phi[j] + h * p[j];
                double f1 = phi[j + 1] + h * p[j + 1];
                shifted[j] = f0;
                shifted[j + 1] = f1;
                n[j] = f0 * f0;
                n[j + 1] = f1 * f1;
                v[j] = 0.0;
                v[j + 1] = 0.0;
                s0 += f0 * f0;
                s1 += f1 * f1;
            }
            for (; j < to; j++) {
                double f = phi[j] + h * p[j];
                shifted[j] = f;
                n[j] = f * f;
                v[j] = 0.0;
                s0 += f * f;
            }
            sums[0] += s0 + s1;
        })[0];
        evaluations++;
        state.energy = functional.energyAndPotential(state.densityField, state.potentialField);
        return electrons;
    }

    /** ⟨a, b⟩ = Σ a_j b_j ΔV. */
    double dot(double[] a, double[] b) {
        return sums(1, (from, to, sums) -> sums[0] += ArrayMath.dot(a, b, from, to))[0] * volumeElement;
    }

    /** v ← v − (⟨v, φ⟩/⟨φ, φ⟩) φ: the projection onto the tangent space of the sphere ∫φ² = const at φ. */
    void projectTangent(double[] v, double[] phi, double phiNormSquared) {
        double factor = dot(v, phi) / phiNormSquared;
        if (factor != 0) {
            parallel.forEach(v.length, (from, to, worker) -> {
                for (int j = from; j < to; j++) {
                    v[j] -= factor * phi[j];
                }
            });
        }
    }
}
