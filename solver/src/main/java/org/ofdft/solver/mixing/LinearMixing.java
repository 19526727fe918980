package org.ofdft.solver.mixing;

/**
 * Linear (simple) mixing, n_in ← n_in + α (n_out − n_in), or with a preconditioner n_in ← n_in + G·R.
 * Converges for small enough α whenever the SCF map is a contraction near its fixed point, but slowly
 * (the error in the slowest mode shrinks by |1 − α(1 + λ_max)| per step, λ the eigenvalues of the
 * dielectric response; Dederichs and Zeller, Phys. Rev. B 28, 5462 (1983)).
 */
public final class LinearMixing implements DensityMixer {

    private final ResidualPreconditioner preconditioner;
    private double[] step = new double[0];

    /** n_in ← n_in + α (n_out − n_in), 0 &lt; α (≤ 1 usually). */
    public LinearMixing(double alpha) {
        this(ResidualPreconditioner.scaled(alpha));
    }

    public LinearMixing(ResidualPreconditioner preconditioner) {
        this.preconditioner = preconditioner;
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public void mix(double[] input, double[] output, double[] next) {
        int n = input.length;
        if (output.length != n || next.length != n) {
            throw new IllegalArgumentException("densities of different lengths: " + n + ", " + output.length + ", "
                    + next.length);
        }
        if (step.length != n) {
            step = new double[n];
        }
        for (int j = 0; j < n; j++) {
            step[j] = output[j] - input[j];
        }
        preconditioner.apply(step, step);
        for (int j = 0; j < n; j++) {
            next[j] = input[j] + step[j];
        }
    }

    @Override
    public void reset() {
        // No history.
    }
}
