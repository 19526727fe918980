package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Perdew–Zunger 1981 parametrization of the Ceperley–Alder correlation energy, spin-unpolarized
 * (libxc LDA_C_PZ, id 9):
 *
 * <pre>
 *   r_s ≥ 1:  ε_c = γ / (1 + β₁ √r_s + β₂ r_s)                       (PZ81 Eq. C3)
 *   r_s &lt; 1:  ε_c = A ln r_s + B + C r_s ln r_s + D r_s              (PZ81 Eq. C5)
 *   γ = −0.1423, β₁ = 1.0529, β₂ = 0.3334, A = 0.0311, B = −0.048, C = 0.0020, D = −0.0116
 *   e = n ε_c,    vrho = ε_c − (r_s/3) dε_c/dr_s,    r_s = (3/(4π n))^(1/3)
 * </pre>
 *
 * J. P. Perdew and A. Zunger, Phys. Rev. B 23, 5048 (1981), Appendix C; D. M. Ceperley and B. J. Alder,
 * Phys. Rev. Lett. 45, 566 (1980). These are the paper's rounded constants, libxc's {@code pz_original}
 * (src/lda_c_pz.c); the two branches are continuous at r_s = 1 only to about 1e-5, as in the paper.
 * libxc's LDA_C_PZ_MOD (C = 0.0020191519406228, D = −0.0116320663789130) restores continuity and is not
 * this kernel. The branch test is r_s ≥ 1 as in libxc (maple/lda_exc/lda_c_pz.mpl).
 */
public final class Pz81Correlation implements LdaKernel {

    /** libxc 5.2.3's default dens_threshold for LDA_C_PZ (as reported by the reference table). */
    public static final double LIBXC_DENSITY_THRESHOLD = 1e-15;

    static final double GAMMA = -0.1423;
    static final double BETA1 = 1.0529;
    static final double BETA2 = 0.3334;
    static final double A = 0.0311;
    static final double B = -0.048;
    static final double C = 0.0020;
    static final double D = -0.0116;

    private final double densityThreshold;

    public Pz81Correlation() {
        this(LIBXC_DENSITY_THRESHOLD);
    }

    public Pz81Correlation(double densityThreshold) {
        XcInputs.requireThreshold("LDA_C_PZ", densityThreshold);
        this.densityThreshold = densityThreshold;
    }

    @Override
    public String name() {
        return "LDA_C_PZ";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        if (ArrayMath.vectorized()) {
            VectorXcKernels.pz81(block, densityThreshold);
        } else {
            evaluateScalar(block);
        }
    }

    /** The scalar reference of {@link #evaluate(XcBlock)}: the fallback without the vector API. */
    void evaluateScalar(XcBlock block) {
        int count = block.count();
        double[] n = block.density;
        double[] rs = block.work1;
        double[] lnRs = block.work2;
        ArrayMath.cbrt(n, block.cubeRoot, 0, count);
        for (int j = 0; j < count; j++) {
            rs[j] = Pw92Correlation.RS_FACTOR / block.cubeRoot[j];
        }
        ArrayMath.log(rs, lnRs, 0, count);
        for (int j = 0; j < count; j++) {
            double eps;
            double rsDepsDrs;
            if (rs[j] >= 1.0) {
                double sqrtRs = Math.sqrt(rs[j]);
                double denominator = 1.0 + BETA1 * sqrtRs + BETA2 * rs[j];
                eps = GAMMA / denominator;
                rsDepsDrs = -eps * (0.5 * BETA1 * sqrtRs + BETA2 * rs[j]) / denominator;
            } else {
                eps = A * lnRs[j] + B + C * rs[j] * lnRs[j] + D * rs[j];
                rsDepsDrs = A + C * rs[j] * (lnRs[j] + 1.0) + D * rs[j];
            }
            block.energyDensity[j] = n[j] * eps;
            block.vrho[j] = eps - rsDepsDrs / 3.0;
        }
        block.screen(densityThreshold);
    }
}
