package org.ofdft.functionals.xc;

/**
 * Dirac–Slater exchange for spin-polarized densities (libxc LDA_X, polarized). Exchange acts within each spin
 * channel, so the spin-scaling relation E_x[n↑, n↓] = (E_x[2n↑] + E_x[2n↓])/2 (Oliver &amp; Perdew, PRA 20,
 * 397 (1979)) with the unpolarized e_x(n) = C_X n^(4/3) gives
 *
 * <pre>
 *   e = (C_X/2) [(2n↑)^(4/3) + (2n↓)^(4/3)],    v_σ = (4/3) C_X (2n_σ)^(1/3)
 * </pre>
 *
 * A channel with n_σ ≤ dens_threshold (libxc 5.2.3's default 1e-15) contributes nothing.
 */
public final class SpinSlaterExchange implements SpinLdaKernel {

    private final double densityThreshold;

    public SpinSlaterExchange() {
        this(SlaterExchange.LIBXC_DENSITY_THRESHOLD);
    }

    public SpinSlaterExchange(double densityThreshold) {
        XcInputs.requireThreshold("LDA_X", densityThreshold);
        this.densityThreshold = densityThreshold;
    }

    @Override
    public String name() {
        return "LDA_X";
    }

    @Override
    public void evaluate(double up, double down, double[] out) {
        SpinLdaKernel.requireDomain("LDA_X", up, down);
        out[0] = 0.0;
        out[1] = channel(up, out, 1);
        out[2] = channel(down, out, 2);
    }

    /** Adds channel σ's energy density to out[0] and returns its potential. */
    private double channel(double density, double[] out, int index) {
        if (density <= densityThreshold) {
            return 0.0;
        }
        double cubeRoot = Math.cbrt(2.0 * density);
        out[0] += 0.5 * SlaterExchange.C_X * 2.0 * density * cubeRoot;
        return (4.0 / 3.0) * SlaterExchange.C_X * cubeRoot;
    }
}
