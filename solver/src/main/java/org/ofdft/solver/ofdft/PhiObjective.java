package org.ofdft.solver.ofdft;

import java.util.Arrays;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.simd.ArrayMath;

/**
 * The energy E[φ²] of a {@link DensityFunctional} as a function of φ, with the L² inner product
 * ⟨f, g⟩ = Σ f_j g_j ΔV of the grid, and a counter of energy+potential evaluations (each call of
 * {@link DensityFunctional#energyAndPotential} counts one, whatever it is used for).
 */
final class PhiObjective {

    private final DensityFunctional functional;
    private final double volumeElement;
    private int evaluations;

    PhiObjective(DensityFunctional functional) {
        this.functional = functional;
        this.volumeElement = functional.grid().volumeElement();
    }

    Grid grid() {
        return functional.grid();
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
        evaluateEnergyAndPotential(state);
        double[] phi = state.phi;
        double[] n = state.density;
        double[] v = state.potential;
        double[] g = state.gradient;
        double electrons = ArrayMath.sum(n, 0, n.length);
        double mu = electrons > 0 ? ArrayMath.dot(v, n, 0, n.length) / electrons : 0.0;
        // g = 2(v − μ)φ and the residual Σ (v − μ)² n, in two partial sums (no single dependent chain)
        double r0 = 0;
        double r1 = 0;
        int j = 0;
        for (; j + 1 < n.length; j += 2) {
            double d0 = v[j] - mu;
            double d1 = v[j + 1] - mu;
            g[j] = 2 * d0 * phi[j];
            g[j + 1] = 2 * d1 * phi[j + 1];
            r0 += d0 * d0 * n[j];
            r1 += d1 * d1 * n[j + 1];
        }
        for (; j < n.length; j++) {
            double d = v[j] - mu;
            g[j] = 2 * d * phi[j];
            r0 += d * d * n[j];
        }
        double r2 = r0 + r1;
        state.electrons = electrons * volumeElement;
        state.chemicalPotential = mu;
        state.residual = Math.sqrt(r2 * volumeElement);
    }

    /**
     * The gradient of the Lagrangian E[φ²] − μ(∫φ² − N) at {@code state.phi} for a given multiplier μ,
     * 2φ(v − μ), into {@code out}; {@code state}'s density and potential are overwritten (its scalars other
     * than the energy are not). Used for Hessian–vector products by finite differences.
     */
    void lagrangianGradient(PhiState state, double mu, double[] out) {
        evaluateEnergyAndPotential(state);
        double[] phi = state.phi;
        double[] v = state.potential;
        for (int j = 0; j < phi.length; j++) {
            out[j] = 2 * (v[j] - mu) * phi[j];
        }
    }

    private void evaluateEnergyAndPotential(PhiState state) {
        double[] phi = state.phi;
        double[] n = state.density;
        for (int j = 0; j < phi.length; j++) {
            n[j] = phi[j] * phi[j];
        }
        Arrays.fill(state.potential, 0.0);
        evaluations++;
        state.energy = functional.energyAndPotential(state.densityField, state.potentialField);
    }

    /** ⟨a, b⟩ = Σ a_j b_j ΔV. */
    double dot(double[] a, double[] b) {
        return ArrayMath.dot(a, b, 0, a.length) * volumeElement;
    }

    /** v ← v − (⟨v, φ⟩/⟨φ, φ⟩) φ: the projection onto the tangent space of the sphere ∫φ² = const at φ. */
    void projectTangent(double[] v, double[] phi, double phiNormSquared) {
        double factor = dot(v, phi) / phiNormSquared;
        if (factor != 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] -= factor * phi[j];
            }
        }
    }
}
