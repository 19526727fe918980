package org.ofdft.solver;

/**
 * One iteration of a self-consistent or minimization run: total energy (hartree), the change of the
 * energy from the previous step, and the residual the run converges on (for Kohn–Sham the density
 * residual ∫|n_out − n_in|; for orbital-free DFT the norm of the constrained gradient
 * ‖δE/δn − μ‖), plus how many energy+potential evaluations were used so far.
 */
public record ConvergenceStep(int iteration, double energy, double energyChange, double residual,
                              int evaluations) {
}
