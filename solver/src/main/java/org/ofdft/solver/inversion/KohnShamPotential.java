package org.ofdft.solver.inversion;

/**
 * A Kohn–Sham potential found by inversion.
 *
 * @param potential  v_s(x_j) (hartree, grid order)
 * @param eigenvalue ε of the highest occupied orbital in that potential (hartree)
 * @param determined whether v_s(x_j) follows from the density at x_j (false where it was filled in)
 */
public record KohnShamPotential(double[] potential, double eigenvalue, boolean[] determined) {
}
