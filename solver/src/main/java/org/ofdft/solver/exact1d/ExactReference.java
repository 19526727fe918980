package org.ofdft.solver.exact1d;

/**
 * One exact two-electron (singlet) reference: the potential, the exact ground state and its Kohn–Sham
 * decomposition. Arrays are on the generator's grid (hartree, bohr); the Hartree quantities use
 * {@code Hartree1D}'s discretization (E_H = ½ Σ_ij n_i w_ij n_j h², v_H,i = Σ_j w_ij n_j h), as the
 * Kohn–Sham solver does.
 *
 * @param depths            a_i of the Gaussian wells (hartree)
 * @param centres           b_i (bohr)
 * @param widths            c_i (bohr)
 * @param externalPotential v_ext
 * @param density           exact n, ∫n = 2
 * @param energy            exact total energy E (no nucleus–nucleus or other constant terms)
 * @param kineticEnergy     exact T = ⟨ψ|T̂|ψ⟩
 * @param interactionEnergy exact V_ee = ⟨ψ|w|ψ⟩
 * @param kohnShamEigenvalue ε = E − E₁ = −I
 * @param kohnShamPotential v_s (constant such that ε = −I, i.e. v_s → 0 far away)
 * @param hartreeXcPotential v_Hxc = v_s − v_ext
 * @param hartreePotential  v_H[n]
 * @param xcPotential       v_xc = v_Hxc − v_H
 * @param nonInteractingKinetic T_s = 2⟨φ|−½L|φ⟩, φ = √(n/2)
 * @param hartreeEnergy     E_H[n]
 * @param xcEnergy          E_xc = E − T_s − E_H − ∫v_ext n
 * @param reliable          points where n ≥ 1e-8·max n: there the potentials are accurate to about 1e-8 Ha
 *                          (measured against a 100× tighter eigensolver tolerance); farther out they carry
 *                          the eigensolver's residual, amplified by 1/n
 */
public record ExactReference(double[] depths, double[] centres, double[] widths, double[] externalPotential,
                             double[] density, double energy, double kineticEnergy, double interactionEnergy,
                             double kohnShamEigenvalue, double[] kohnShamPotential, double[] hartreeXcPotential,
                             double[] hartreePotential, double[] xcPotential, double nonInteractingKinetic,
                             double hartreeEnergy, double xcEnergy, boolean[] reliable) {

    /** E_c = E_xc − E_x with the exact two-electron singlet exchange E_x = −E_H/2. */
    public double correlationEnergy() {
        return xcEnergy + 0.5 * hartreeEnergy;
    }
}
