package org.ofdft.solver.ofdft;

import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

/**
 * One point of the orbital-free minimization in φ = √n space, with everything evaluated there: the density
 * n = φ², the potential v = δE/δn, the energy E, the electron number N = ∫φ², the chemical potential
 * μ = ∫v n / N, the constrained gradient g = 2φ(v − μ) (the gradient of E[φ²] in the L² inner product
 * ∫f g dV, projected onto the tangent space {p : ∫φ p = 0} of the sphere ∫φ² = N) and the residual
 * ‖φ(v − μ)‖ = (∫ n (v − μ)² dV)^½ = ‖g‖/2.
 *
 * <p>Arrays are allocated once; the minimizer swaps whole states instead of copying them.
 */
final class PhiState {

    final double[] phi;
    final double[] density;
    final double[] potential;
    final double[] gradient;
    final RealField densityField;
    final RealField potentialField;

    double energy;
    double electrons;
    double chemicalPotential;
    double residual;

    PhiState(Grid grid) {
        int size = grid.size();
        phi = new double[size];
        density = new double[size];
        potential = new double[size];
        gradient = new double[size];
        densityField = RealField.wrap(grid, density);
        potentialField = RealField.wrap(grid, potential);
    }
}
