package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Perdew–Burke–Ernzerhof exchange, spin-unpolarized (libxc GGA_X_PBE, id 101):
 *
 * <pre>
 *   e = n ε_x^LDA(n) F_x(s),    F_x(s) = 1 + κ − κ² / (κ + μ s²)              (PBE96 Eq. 14)
 *   s² = σ / (4 (3π²)^(2/3) n^(8/3)),    ε_x^LDA = −(3/4)(3/π)^(1/3) n^(1/3)
 *   vrho   = (4/3) ε_x^LDA (F_x − 2 s² dF_x/ds²)
 *   vsigma = n ε_x^LDA dF_x/ds² · s²/σ,    dF_x/ds² = μ κ² / (κ + μ s²)²
 * </pre>
 *
 * J. P. Perdew, K. Burke and M. Ernzerhof, Phys. Rev. Lett. 77, 3865 (1996); 78, 1396(E) (1997).
 * κ = 0.804; μ = β π²/3 = 0.2195149727645171 with β = 0.06672455060314922 (libxc
 * maple/gga_exc/gga_x_pbe.mpl, MU_PBE), i.e. the value fixed by the gradient expansion of PBE correlation
 * rather than the rounded 0.21951 of the paper.
 *
 * <p>Screening as libxc 5.2.3: zero for n &lt; dens_threshold (default 1e-15) or for n/2 ≤ dens_threshold
 * (exchange is evaluated per spin channel); σ is floored at dens_threshold^(8/3) (libxc's
 * sigma_threshold = dens_threshold^(4/3), squared).
 */
public final class PbeExchange implements GgaKernel {

    /** libxc 5.2.3's default dens_threshold for GGA_X_PBE. */
    public static final double LIBXC_DENSITY_THRESHOLD = 1e-15;

    public static final double KAPPA = 0.804;
    public static final double MU = 0.2195149727645171;

    /** s² = S2_FACTOR · σ / n^(8/3), S2_FACTOR = 1/(4 (3π²)^(2/3)). */
    static final double S2_FACTOR = 1.0 / (4.0 * Math.pow(3.0 * Math.PI * Math.PI, 2.0 / 3.0));

    private final double densityThreshold;
    private final double sigmaFloor;

    public PbeExchange() {
        this(LIBXC_DENSITY_THRESHOLD);
    }

    public PbeExchange(double densityThreshold) {
        XcInputs.requireThreshold("GGA_X_PBE", densityThreshold);
        this.densityThreshold = densityThreshold;
        this.sigmaFloor = Math.pow(densityThreshold, 8.0 / 3.0);
    }

    @Override
    public String name() {
        return "GGA_X_PBE";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        if (ArrayMath.vectorized()) {
            VectorXcKernels.pbeExchange(block, densityThreshold, sigmaFloor);
        } else {
            evaluateScalar(block);
        }
    }

    /** The scalar reference of {@link #evaluate(XcBlock)}: the fallback without the vector API. */
    void evaluateScalar(XcBlock block) {
        int count = block.count();
        double[] n = block.density;
        double[] sigma = block.sigma;
        double[] cubeRoot = block.cubeRoot;
        ArrayMath.cbrt(n, cubeRoot, 0, count);
        for (int j = 0; j < count; j++) {
            double epsXLda = SlaterExchange.C_X * cubeRoot[j];
            // s²/σ = S2_FACTOR / n^(8/3)
            double s2PerSigma = S2_FACTOR / (n[j] * n[j] * cubeRoot[j] * cubeRoot[j]);
            double s2 = Math.max(sigma[j], sigmaFloor) * s2PerSigma;
            double denominator = KAPPA + MU * s2;
            double fx = 1.0 + KAPPA - KAPPA * KAPPA / denominator;
            double dFxDs2 = MU * KAPPA * KAPPA / (denominator * denominator);
            block.energyDensity[j] = n[j] * epsXLda * fx;
            block.vrho[j] = (4.0 / 3.0) * epsXLda * (fx - 2.0 * s2 * dFxDs2);
            block.vsigma[j] = n[j] * epsXLda * dFxDs2 * s2PerSigma;
        }
        block.screenPerSpinChannel(densityThreshold);
    }
}
