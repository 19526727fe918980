package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Perdew–Wang 1992 correlation of the homogeneous electron gas, spin-unpolarized (paramagnetic) branch:
 *
 * <pre>
 *   ε_c(r_s) = −2A (1 + α₁ r_s) ln[1 + 1/(2A (β₁ r_s^(1/2) + β₂ r_s + β₃ r_s^(3/2) + β₄ r_s²))]
 *   r_s = (3/(4π n))^(1/3),    e = n ε_c,    vrho = ε_c − (r_s/3) dε_c/dr_s
 * </pre>
 *
 * J. P. Perdew and Y. Wang, Phys. Rev. B 45, 13244 (1992), Eq. (10) with p = 1 and Table I (α_c branch
 * not needed when ζ = 0).
 *
 * <p>Two parameter sets, as in libxc:
 * <ul>
 *   <li>{@link #original()} — LDA_C_PW (libxc id 12): A = 0.031091 as printed in the paper;</li>
 *   <li>{@link #modified()} — LDA_C_PW_MOD (libxc id 13): A = 0.0310907, the extra digit used in the
 *       PBE reference routine (http://dft.rutgers.edu/pubs/PBE.asc); the base of GGA_C_PBE.</li>
 * </ul>
 * α₁ = 0.21370, β₁..β₄ = 7.5957, 3.5876, 1.6382, 0.49294 in both (libxc maple/lda_exc/lda_c_pw.mpl; the
 * modified set also changes fz20 and the spin-polarized A's, which do not enter the unpolarized case).
 */
public final class Pw92Correlation implements LdaKernel {

    /** libxc 5.2.3's default dens_threshold for LDA_C_PW and LDA_C_PW_MOD. */
    public static final double LIBXC_DENSITY_THRESHOLD = 1e-15;

    /** (3/(4π))^(1/3): r_s = RS_FACTOR · n^(−1/3). */
    static final double RS_FACTOR = Math.cbrt(3.0 / (4.0 * Math.PI));

    static final double ALPHA1 = 0.21370;
    static final double BETA1 = 7.5957;
    static final double BETA2 = 3.5876;
    static final double BETA3 = 1.6382;
    static final double BETA4 = 0.49294;

    private final String name;
    private final double a;
    private final double densityThreshold;

    private Pw92Correlation(String name, double a, double densityThreshold) {
        XcInputs.requireThreshold(name, densityThreshold);
        this.name = name;
        this.a = a;
        this.densityThreshold = densityThreshold;
    }

    /** LDA_C_PW: the constants as printed in Perdew & Wang (1992). */
    public static Pw92Correlation original() {
        return original(LIBXC_DENSITY_THRESHOLD);
    }

    public static Pw92Correlation original(double densityThreshold) {
        return new Pw92Correlation("LDA_C_PW", 0.031091, densityThreshold);
    }

    /** LDA_C_PW_MOD: A = 0.0310907 as in the PBE reference code; what PBE correlation is built on. */
    public static Pw92Correlation modified() {
        return modified(LIBXC_DENSITY_THRESHOLD);
    }

    public static Pw92Correlation modified(double densityThreshold) {
        return new Pw92Correlation("LDA_C_PW_MOD", 0.0310907, densityThreshold);
    }

    /** The A of PW92's Eq. 10 (0.031091 original, 0.0310907 modified). */
    double a() {
        return a;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        if (ArrayMath.vectorized()) {
            VectorXcKernels.pw92(block, a, densityThreshold);
        } else {
            evaluateScalar(block);
        }
    }

    /** The scalar reference of {@link #evaluate(XcBlock)}: the fallback without the vector API. */
    void evaluateScalar(XcBlock block) {
        int count = block.count();
        double[] n = block.density;
        ArrayMath.cbrt(n, block.cubeRoot, 0, count);
        double[] eps = block.work1;
        double[] dEpsDrs = block.work2;
        epsilonAndDerivative(block.cubeRoot, count, eps, dEpsDrs);
        for (int j = 0; j < count; j++) {
            double rs = RS_FACTOR / block.cubeRoot[j];
            block.energyDensity[j] = n[j] * eps[j];
            block.vrho[j] = eps[j] - rs / 3.0 * dEpsDrs[j];
        }
        block.screen(densityThreshold);
    }

    /**
     * ε_c(r_s) (PW92 Eq. 10) and dε_c/dr_s (Eq. A5) for the points 0..count−1 with r_s = RS_FACTOR/∛n, given
     * ∛n. With G = Σ β_j r_s^(j/2): dε/dr_s = α₁ ε/(1 + α₁ r_s) + 2A (1 + α₁ r_s) G′ / (G (1 + 2A G)).
     * {@code eps} holds the logarithm's argument on the way.
     */
    void epsilonAndDerivative(double[] cubeRoot, int count, double[] eps, double[] dEpsDrs) {
        for (int j = 0; j < count; j++) {
            double sqrtRs = Math.sqrt(RS_FACTOR / cubeRoot[j]);
            double g = sqrtRs * (BETA1 + sqrtRs * (BETA2 + sqrtRs * (BETA3 + sqrtRs * BETA4)));
            eps[j] = 1.0 / (2.0 * a * g);
        }
        ArrayMath.log1p(eps, eps, 0, count);
        for (int j = 0; j < count; j++) {
            double rs = RS_FACTOR / cubeRoot[j];
            double sqrtRs = Math.sqrt(rs);
            double g = sqrtRs * (BETA1 + sqrtRs * (BETA2 + sqrtRs * (BETA3 + sqrtRs * BETA4)));
            double dg = 0.5 * BETA1 / sqrtRs + BETA2 + 1.5 * BETA3 * sqrtRs + 2.0 * BETA4 * rs;
            double onePlusAlphaRs = 1.0 + ALPHA1 * rs;
            double epsilon = -2.0 * a * onePlusAlphaRs * eps[j];
            eps[j] = epsilon;
            dEpsDrs[j] = ALPHA1 * epsilon / onePlusAlphaRs + 2.0 * a * onePlusAlphaRs * dg / (g * (1.0 + 2.0 * a * g));
        }
    }
}
