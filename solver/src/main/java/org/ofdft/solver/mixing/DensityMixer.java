package org.ofdft.solver.mixing;

/**
 * A rule for the next input density of a self-consistent-field iteration, from the history of input
 * densities n_in and their outputs n_out = F[n_in] (the density of the orbitals of the potential of n_in).
 * Self-consistency is the fixed point n_out = n_in, i.e. a zero of the residual R[n_in] = n_out − n_in.
 *
 * <p>Mixers work on plain arrays (1D or 3D, any layout) with a constant grid weight w (h in 1D, dV in
 * 3D) in their inner products ⟨a|b⟩ = w Σ_j a_j b_j. They are stateful: call {@link #reset()} before a new
 * run. They do not keep densities non-negative (an extrapolating mixer can produce small negative values
 * in the tails); that is the caller's business.
 */
public interface DensityMixer {

    /** Short name for reports, e.g. {@code linear}, {@code pulay}. */
    String name();

    /**
     * Records the pair (n_in, n_out) of the current iteration and writes the next input density into
     * {@code next} (which may be {@code input} itself, but not {@code output}).
     */
    void mix(double[] input, double[] output, double[] next);

    /** Forgets the history. */
    void reset();

    /** ∫|n_out − n_in| dx = w Σ_j |n_out,j − n_in,j|, the density residual the SCF converges on. */
    static double residualL1(double[] input, double[] output, double weight) {
        if (input.length != output.length) {
            throw new IllegalArgumentException("input and output densities have " + input.length + " and "
                    + output.length + " values");
        }
        double sum = 0;
        for (int j = 0; j < input.length; j++) {
            sum += Math.abs(output[j] - input[j]);
        }
        return sum * weight;
    }
}
