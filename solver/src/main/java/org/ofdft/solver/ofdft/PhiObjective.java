package org.ofdft.solver.ofdft;

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
        double electrons = evaluateEnergyAndPotential(state, state.phi, 0.0, null);
        double[] phi = state.phi;
        double[] n = state.density;
        double[] v = state.potential;
        double[] g = state.gradient;
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
     * Sets {@code state.phi} = φ + h p and evaluates the energy and potential there ({@code state}'s density,
     * potential and energy; not its gradient or the other scalars). One fused pass writes φ + h p, its
     * square and the zeroed potential. Used for Hessian–vector products by finite differences.
     */
    void evaluateShifted(PhiState state, double[] phi, double h, double[] p) {
        evaluateEnergyAndPotential(state, phi, h, p);
    }

    /**
     * state.phi ← φ + h p (when p is not null; else φ must be state.phi), density ← state.phi², potential ← 0
     * in one pass, then E and v from the functional. Returns Σ n_j (the electron number / ΔV).
     */
    private double evaluateEnergyAndPotential(PhiState state, double[] phi, double h, double[] p) {
        double[] shifted = state.phi;
        double[] n = state.density;
        double[] v = state.potential;
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        int length = n.length;
        if (p == null) {
            for (; j + 1 < length; j += 2) {
                double f0 = shifted[j];
                double f1 = shifted[j + 1];
                n[j] = f0 * f0;
                n[j + 1] = f1 * f1;
                v[j] = 0.0;
                v[j + 1] = 0.0;
                s0 += f0 * f0;
                s1 += f1 * f1;
            }
        } else {
            for (; j + 1 < length; j += 2) {
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
        }
        for (; j < length; j++) {
            double f = p == null ? shifted[j] : phi[j] + h * p[j];
            shifted[j] = f;
            n[j] = f * f;
            v[j] = 0.0;
            s0 += f * f;
        }
        evaluations++;
        state.energy = functional.energyAndPotential(state.densityField, state.potentialField);
        return s0 + s1;
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
