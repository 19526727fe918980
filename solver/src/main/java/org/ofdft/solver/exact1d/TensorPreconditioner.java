package org.ofdft.solver.exact1d;

import org.ofdft.grids.FiniteDifference1D;

/**
 * The preconditioner T = M⁻¹ ⊗ M⁻¹ for the two-electron Hamiltonian, M = h + (s − ε₀) the one-electron
 * Hamiltonian h = −½ d²/dx² + v (same stencil) shifted to have lowest eigenvalue s &gt; 0: applied to a
 * row-major N×N array R it gives M⁻¹ R M⁻¹, two sweeps of banded Cholesky solves (O(N²p)).
 *
 * <p>Why this form: (M ⊗ M) = h⊗h + s'(h⊗1 + 1⊗h) + s'², s' = s − ε₀, so s'·(M⊗M)⁻¹ behaves like
 * (h⊗1 + 1⊗h + s')⁻¹ — the inverse of the one-body part of H, shifted — for all pairs of modes but the
 * highest, which it damps more; the single-step ADI approximation of a separable operator (e.g. Y. Saad,
 * Iterative Methods for Sparse Linear Systems, 2nd ed., §4.3). With s between the low and high ends of
 * the kinetic spectrum the preconditioned spectrum spans a ratio of about √(λ_max/gap) instead of
 * λ_max/gap. The choice s = 1/h (the geometric mean of the kinetic scales 1 and 1/h²) is a heuristic.
 * The scale of T is irrelevant to LOBPCG. T is symmetric positive definite and commutes with exchange.
 */
final class TensorPreconditioner implements Lobpcg.Operator {

    private final int points;
    private final BandCholesky factor;

    /**
     * @param oneElectronLowest ε₀, the lowest eigenvalue of h (or a lower bound)
     */
    TensorPreconditioner(int points, double spacing, int order, double[] externalPotential,
                         double oneElectronLowest, double shift) {
        this.points = points;
        FiniteDifference1D stencil = new FiniteDifference1D(order);
        int p = Math.min(stencil.halfBandwidth(), points - 1);
        double scale = -0.5 / (spacing * spacing);
        double diagonalShift = shift - oneElectronLowest;
        this.factor = new BandCholesky(points, p, (i, j) -> {
            double value = scale * stencil.coefficient(i - j);
            if (i == j) {
                value += externalPotential[i] + diagonalShift;
            }
            return value;
        });
    }

    @Override
    public void apply(double[] residual, double[] out) {
        System.arraycopy(residual, 0, out, 0, residual.length);
        factor.solveRows(out, points);
        for (int i = 0; i < points; i++) {
            factor.solve(out, i * points);
        }
    }
}
