package org.ofdft.solver.ks1d;

/**
 * Kohn–Sham orbitals of one diagonalization: eigenvalues ε_i (hartree, ascending), occupations f_i (zero
 * for the unoccupied orbitals computed beyond the occupied ones), and orbitals φ_i(x_j) in grid order,
 * normalized with the grid weight, Σ_j φ_i(x_j)² h = 1 (real, largest value positive).
 */
public record KohnShamOrbitals(double[] eigenvalues, double[] occupations, double[][] orbitals) {

    public int count() {
        return eigenvalues.length;
    }

    /** n(x_j) = Σ_i f_i φ_i(x_j)² into {@code density}. */
    public void density(double[] density) {
        java.util.Arrays.fill(density, 0.0);
        for (int i = 0; i < eigenvalues.length; i++) {
            double f = occupations[i];
            if (f == 0) {
                continue;
            }
            double[] phi = orbitals[i];
            for (int j = 0; j < density.length; j++) {
                density[j] += f * phi[j] * phi[j];
            }
        }
    }
}
