package org.ofdft.functionals.xc;

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

    private static final double GAMMA = -0.1423;
    private static final double BETA1 = 1.0529;
    private static final double BETA2 = 0.3334;
    private static final double A = 0.0311;
    private static final double B = -0.048;
    private static final double C = 0.0020;
    private static final double D = -0.0116;

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
    public void evaluatePoint(double n, double[] energyDensity, double[] vrho, int index) {
        XcInputs.requirePointDomain("LDA_C_PZ", n);
        if (n < densityThreshold || n == 0.0) {
            energyDensity[index] = 0.0;
            vrho[index] = 0.0;
            return;
        }
        double rs = Pw92Correlation.RS_FACTOR / Math.cbrt(n);
        double eps;
        double rsDepsDrs;
        if (rs >= 1.0) {
            double sqrtRs = Math.sqrt(rs);
            double denominator = 1.0 + BETA1 * sqrtRs + BETA2 * rs;
            eps = GAMMA / denominator;
            rsDepsDrs = -eps * (0.5 * BETA1 * sqrtRs + BETA2 * rs) / denominator;
        } else {
            double lnRs = Math.log(rs);
            eps = A * lnRs + B + C * rs * lnRs + D * rs;
            rsDepsDrs = A + C * rs * (lnRs + 1.0) + D * rs;
        }
        energyDensity[index] = n * eps;
        vrho[index] = eps - rsDepsDrs / 3.0;
    }
}
