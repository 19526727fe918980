package org.ofdft.functionals.xc;

/**
 * Local density approximation for one-dimensional electrons interacting through the exponential
 * v(x) = A exp(−κ|x|), spin-unpolarized; e is an energy per length and n a density per length.
 *
 * <pre>
 *   y = π n / κ
 *   ε_x(y) = (A/2π) [ln(1 + y²)/y − 2 arctan y]                     (Baker et al. Eq. 17 divided by n)
 *   ε_c(y) = −(A/π) y / D(y)                                          (Baker et al. Eq. 24 divided by n)
 *   D(y)   = α + β y^(1/2) + γ y + δ y^(3/2) + η y² + σ y^(5/2) + ν (π κ²/A) y³
 *   e = n (ε_x + ε_c)
 *   vrho = −(A/π) arctan y  −  (A/π) y (2D − y D′)/D²
 * </pre>
 *
 * T. E. Baker, E. M. Stoudenmire, L. O. Wagner, K. Burke and S. R. White, "One-dimensional mimicking of
 * electronic structure: the case for exponentials", Phys. Rev. B 91, 235141 (2015). Constants as implemented
 * in JAX-DFT (google-research/jax_dft, {@code jax_dft/constants.py} and {@code jax_dft/xc.py},
 * {@code exponential_coulomb_uniform_exchange_density} and {@code ..._correlation_density}), which are the
 * per-particle ε_x, ε_c used here:
 * A = 1.071295, κ = 1/2.385345 (Baker et al.'s interaction parameters);
 * unpolarized correlation fit α = 2, β = −1.00077, γ = 6.26099, δ = −11.9041, η = 9.62614, σ = −1.48334,
 * ν = 1. The same formulas, in their spin-resolved form, are in pedersor/DFT_1d {@code functionals.py}
 * ({@code ExponentialLSDFunctional} at ζ = 0).
 *
 * <p>Small y: ε_x is taken from its series −y + y³/6 − y⁵/15 (times A/2π) for y &lt; 1e-3, where it is exact
 * in double precision, instead of JAX-DFT's switch at y = 1e-15 to −y + y³/6; the two agree to round-off.
 * There is no density screening by default (JAX-DFT has none): n = 0 gives e = vrho = 0.
 */
public final class ExponentialLda1D implements LdaKernel {

    /** A of v(x) = A exp(−κ|x|), hartree. */
    public static final double AMPLITUDE = 1.071295;
    /** κ of v(x) = A exp(−κ|x|), inverse bohr. */
    public static final double KAPPA = 1.0 / 2.385345;

    private static final double CORR_ALPHA = 2.0;
    private static final double CORR_BETA = -1.00077;
    private static final double CORR_GAMMA = 6.26099;
    private static final double CORR_DELTA = -11.9041;
    private static final double CORR_ETA = 9.62614;
    private static final double CORR_SIGMA = -1.48334;
    private static final double CORR_NU = 1.0;
    /** ν π κ² / A, the coefficient of y³ in D(y). */
    private static final double CORR_Y3 = CORR_NU * Math.PI * KAPPA * KAPPA / AMPLITUDE;

    private static final double SERIES_BELOW = 1e-3;

    private final double densityThreshold;

    public ExponentialLda1D() {
        this(0.0);
    }

    public ExponentialLda1D(double densityThreshold) {
        XcInputs.requireThreshold("LDA_XC_1D_EXPONENTIAL", densityThreshold);
        this.densityThreshold = densityThreshold;
    }

    @Override
    public String name() {
        return "LDA_XC_1D_EXPONENTIAL";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        for (int j = 0; j < block.count(); j++) {
            evaluateChecked(block.density[j], block.energyDensity, block.vrho, j);
        }
    }

    private void evaluateChecked(double n, double[] energyDensity, double[] vrho, int index) {
        if (n < densityThreshold || n == 0.0) {
            energyDensity[index] = 0.0;
            vrho[index] = 0.0;
            return;
        }
        double y = Math.PI * n / KAPPA;
        double sqrtY = Math.sqrt(y);
        double d = correlationDenominator(y, sqrtY);
        // y D′(y), free of the y^(-1/2) of D′ itself
        double yDPrime = 0.5 * CORR_BETA * sqrtY
                + y * (CORR_GAMMA + sqrtY * (1.5 * CORR_DELTA + sqrtY * (2.0 * CORR_ETA
                + sqrtY * (2.5 * CORR_SIGMA + sqrtY * 3.0 * CORR_Y3))));
        double epsC = -AMPLITUDE / Math.PI * y / d;
        double vC = -AMPLITUDE / Math.PI * y * (2.0 * d - yDPrime) / (d * d);
        double vX = -AMPLITUDE / Math.PI * Math.atan(y);
        energyDensity[index] = n * (exchangePerParticleOfY(y) + epsC);
        vrho[index] = vX + vC;
    }

    /** ε_x(n), exchange energy per particle of the uniform 1D gas. */
    public static double exchangePerParticle(double n) {
        return exchangePerParticleOfY(Math.PI * n / KAPPA);
    }

    /** ε_c(n), correlation energy per particle of the uniform 1D gas (unpolarized fit). */
    public static double correlationPerParticle(double n) {
        double y = Math.PI * n / KAPPA;
        return y == 0.0 ? 0.0 : -AMPLITUDE / Math.PI * y / correlationDenominator(y, Math.sqrt(y));
    }

    private static double exchangePerParticleOfY(double y) {
        if (y < SERIES_BELOW) {
            double y2 = y * y;
            return AMPLITUDE / (2.0 * Math.PI) * y * (-1.0 + y2 * (1.0 / 6.0 - y2 / 15.0));
        }
        return AMPLITUDE / (2.0 * Math.PI) * (Math.log1p(y * y) / y - 2.0 * Math.atan(y));
    }

    private static double correlationDenominator(double y, double sqrtY) {
        return CORR_ALPHA + sqrtY * (CORR_BETA + sqrtY * (CORR_GAMMA + sqrtY * (CORR_DELTA
                + sqrtY * (CORR_ETA + sqrtY * (CORR_SIGMA + sqrtY * CORR_Y3)))));
    }
}
