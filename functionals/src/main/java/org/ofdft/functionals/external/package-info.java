/**
 * The external potential of the electrons and the ion–ion energy: structures, local pseudopotentials
 * (form factors v(q) from reciprocal-space tables or from real-space V(r)), the electron–ion functional
 * {@link org.ofdft.functionals.external.LocalPseudopotentialFunctional}, a generic
 * {@link org.ofdft.functionals.external.FixedPotential}, and the {@link org.ofdft.functionals.external.Ewald}
 * energy and forces.
 *
 * <p>G = 0 convention (that of DFTpy, Quantum ESPRESSO and CASTEP): Hartree and Ewald energies drop their
 * divergent G = 0 terms (neutralizing background), and the local pseudopotential keeps only its finite
 * non-Coulomb part α = ∫[V(r) + Z/r] d³r at G = 0; for a neutral cell the three divergences cancel exactly.
 * Hartree atomic units throughout; form factors in hartree·bohr³ per atom.
 */
package org.ofdft.functionals.external;
