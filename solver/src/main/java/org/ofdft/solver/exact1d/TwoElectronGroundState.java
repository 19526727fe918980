package org.ofdft.solver.exact1d;

import org.ofdft.grids.BoxGrid1D;

/**
 * The exact (on the grid) singlet ground state of two electrons in 1D.
 *
 * @param grid               the one-electron grid; ψ lives on its product with itself
 * @param order              finite-difference order of the kinetic stencil
 * @param energy             E = ⟨ψ|H|ψ⟩ (hartree), no nucleus–nucleus term
 * @param kinetic            T = ⟨ψ|−½(∂₁² + ∂₂²)|ψ⟩
 * @param external           ⟨ψ|v(x1) + v(x2)|ψ⟩ = ∫ v n
 * @param interaction        ⟨ψ|w(x1 − x2)|ψ⟩
 * @param oneElectronEnergy  E₁, the ground-state energy of one electron in v (same grid and stencil): the
 *                           ion left behind, so that I = E₁ − E is the ionization energy and −I the exact
 *                           Kohn–Sham eigenvalue (the highest occupied one equals −I when v_s → 0 far away:
 *                           M. Levy, J. P. Perdew, V. Sahni, Phys. Rev. A 30, 2745 (1984))
 * @param density            n(x_i) = 2 Σ_j ψ_ij² h, Σ_i n_i h = 2
 * @param wavefunction       ψ_ij = ψ(x_i, x_j), row-major, symmetric, Σ_ij ψ_ij² h² = 1, Σ ψ &gt; 0
 * @param residualNorm       ‖Hψ − Eψ‖ for ψ of unit Euclidean length (hartree): the eigenvalue error is
 *                           about residualNorm²/gap
 * @param iterations         LOBPCG steps taken
 */
public record TwoElectronGroundState(BoxGrid1D grid, int order, double energy, double kinetic, double external,
                                     double interaction, double oneElectronEnergy, double[] density,
                                     double[] wavefunction, double residualNorm, int iterations) {

    /** The exact Kohn–Sham eigenvalue ε = E − E₁ = −I (hartree). */
    public double kohnShamEigenvalue() {
        return energy - oneElectronEnergy;
    }

    /**
     * The pair density P(x1, x2) = N(N−1)|ψ(x1, x2)|² = 2ψ², summed over spins, row-major; ∫∫P = 2 and
     * ∫P(x1, x2) dx2 = n(x1) (a new array).
     */
    public double[] pairDensity() {
        double[] pair = new double[wavefunction.length];
        for (int k = 0; k < pair.length; k++) {
            pair[k] = 2 * wavefunction[k] * wavefunction[k];
        }
        return pair;
    }
}
