package org.ofdft.solver.ks3d;

import java.util.List;
import org.ofdft.functionals.EnergyTerms;
import org.ofdft.grids.RealField;
import org.ofdft.solver.CalculationResult;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ConvergenceStep;

/**
 * The outcome of a plane-wave Kohn–Sham run (hartree, bohr).
 *
 * @param energies      the terms by name: {@code kinetic} (T_s = Σ_k w_k Σ_n f_nk ⟨ψ_nk|−½∇²|ψ_nk⟩),
 *                      {@code local_pseudopotential}, {@code hartree}, {@code xc}, {@code ewald} and
 *                      {@code smearing} (−TS); their sum {@link EnergyTerms#total()} is the free energy F,
 *                      Quantum ESPRESSO's "!    total energy"
 * @param fermiLevel    E_F (highest occupied level for fixed occupations)
 * @param bands         bands per k-point
 * @param kpoints       the k-points with their weights
 * @param eigenvalues   ε_nk, [k][n], ascending per k-point
 * @param occupations   f_nk (0 … 2), [k][n]
 * @param density       n(r) on the FFT grid (electrons/bohr³), the output density of the last iteration
 * @param electrons     ∫ n
 * @param converged     whether the criteria were met
 * @param criteria      the criteria
 * @param history       one entry per SCF iteration: F, ΔF, ∫|n_out − n_in|, H·ψ applications so far
 * @param hamiltonianApplications single-band H·ψ applications in all
 * @param wallSeconds   wall time of the run
 */
public record KohnShamResult(EnergyTerms energies, double fermiLevel, int bands, List<KPoint> kpoints,
                             double[][] eigenvalues, double[][] occupations, RealField density, double electrons,
                             boolean converged, ConvergenceCriteria criteria, List<ConvergenceStep> history,
                             long hamiltonianApplications, double wallSeconds) {

    /** Name of the method in reports. */
    public static final String METHOD = "kohn_sham_plane_wave";

    public KohnShamResult {
        kpoints = List.copyOf(kpoints);
        history = List.copyOf(history);
    }

    /** F = E − TS, the total (free) energy. */
    public double freeEnergy() {
        return energies.total();
    }

    /** E = F + TS, the internal energy (QE's "internal energy E=F+TS"). */
    public double internalEnergy() {
        return energies.total() - energies.term("smearing");
    }

    /** T_s, the non-interacting kinetic energy. */
    public double kineticEnergy() {
        return energies.term("kinetic");
    }

    public int iterations() {
        return history.size();
    }

    /**
     * As the solver-independent record: eigenvalues and occupations flattened k-point by k-point
     * (index k·bands + n), the Fermi level as the chemical potential.
     */
    public CalculationResult toCalculationResult() {
        double[] flatEigenvalues = new double[eigenvalues.length * bands];
        double[] flatOccupations = new double[eigenvalues.length * bands];
        for (int k = 0; k < eigenvalues.length; k++) {
            System.arraycopy(eigenvalues[k], 0, flatEigenvalues, k * bands, bands);
            System.arraycopy(occupations[k], 0, flatOccupations, k * bands, bands);
        }
        return new CalculationResult(METHOD, energies, density, fermiLevel, flatEigenvalues, flatOccupations, electrons,
                converged, criteria, history, wallSeconds);
    }
}
