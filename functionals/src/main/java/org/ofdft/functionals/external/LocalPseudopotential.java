package org.ofdft.functionals.external;

/**
 * The local pseudopotential of one ion species as a form factor v(q): the Fourier transform of the
 * spherical potential V(r) of one ion, v(q) = ∫ d³r V(r) e^{−iq·r} = 4π ∫ r² V(r) j₀(qr) dr, in
 * hartree·bohr³, q = |q| in bohr⁻¹. For a crystal of volume Ω with atoms of species s at R_a the
 * potential is
 * <pre>
 *   V_loc(r) = (1/Ω) Σ_G Σ_s v_s(|G|) S_s(G) e^{iG·r},   S_s(G) = Σ_{a ∈ s} e^{−iG·R_a}.
 * </pre>
 * Far from the ion V(r) → −Z/r, so v(q) → −4πZ/q² as q → 0. That divergence cancels against the G = 0
 * terms of the Hartree and ion–ion (Ewald) energies of a neutral cell (both are taken with a neutralizing
 * background and drop their G = 0 term); what remains at G = 0 is the finite non-Coulomb part
 * <pre>
 *   α = lim_{q→0} [v(q) + 4πZ/q²] = ∫ d³r [V(r) + Z/r],
 * </pre>
 * the "αZ" term of plane-wave codes (Ihm, Zunger &amp; Cohen, J. Phys. C 12, 4409 (1979); Quantum ESPRESSO's
 * G = 0 term of {@code vloc_of_g}). {@link #formFactor(double)} returns it at q = 0, so that the
 * expression above, with v_s(0) := α_s, is the potential every plane-wave code (DFTpy, QE, CASTEP) uses,
 * and the local pseudopotential energy of a uniform density n₀ = N_e/Ω is n₀ Σ_atoms α_s.
 */
public interface LocalPseudopotential {

    /** Where it was read from (a file name), for messages and reports. */
    String source();

    /** The ionic (valence) charge Z in units of e: V(r) → −Z/r far from the ion. */
    double valenceCharge();

    /**
     * v(q) in hartree·bohr³ for q ≥ 0 bohr⁻¹; at q = 0 the finite non-Coulomb limit α
     * ({@link #nonCoulombIntegral()}), not the divergent −4πZ/q².
     *
     * @throws IllegalArgumentException for negative or non-finite q
     */
    double formFactor(double q);

    /** α = lim_{q→0} [v(q) + 4πZ/q²] = ∫ d³r [V(r) + Z/r] (hartree·bohr³). */
    default double nonCoulombIntegral() {
        return formFactor(0.0);
    }

    /** Throws unless q is a finite non-negative wave number. */
    static void requireWaveNumber(double q) {
        if (!(q >= 0) || !Double.isFinite(q)) {
            throw new IllegalArgumentException("wave number must be finite and non-negative, got " + q);
        }
    }
}
