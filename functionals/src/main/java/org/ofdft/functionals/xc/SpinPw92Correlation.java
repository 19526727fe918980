package org.ofdft.functionals.xc;

/**
 * Perdew–Wang 1992 correlation for spin-polarized densities (libxc LDA_C_PW / LDA_C_PW_MOD, polarized):
 *
 * <pre>
 *   ε_c(r_s, ζ) = G₀ + α_c f(ζ)(1 − ζ⁴)/f″(0) + (G₁ − G₀) f(ζ) ζ⁴,    α_c = −G_α          (PW92 Eq. 8)
 *   G_k(r_s) = −2A_k (1 + α1_k r_s) ln[1 + 1/(2A_k (β1_k r_s^½ + β2_k r_s + β3_k r_s^(3/2) + β4_k r_s²))]
 *   f(ζ) = [(1 + ζ)^(4/3) + (1 − ζ)^(4/3) − 2]/(2^(4/3) − 2),   ζ = (n↑ − n↓)/n
 *   v_σ = ε_c − (r_s/3) ∂ε_c/∂r_s + (±1 − ζ) ∂ε_c/∂ζ   (+ for ↑, − for ↓)
 * </pre>
 *
 * J. P. Perdew and Y. Wang, Phys. Rev. B 45, 13244 (1992), Table I: k = 0 (paramagnetic), 1 (ferromagnetic),
 * α (spin stiffness, −α_c). The original set uses A = 0.031091, 0.015545, 0.016887 and f″(0) = 1.709921 as
 * printed; the modified set (LDA_C_PW_MOD, the base of PBE) A = 0.0310907, 0.01554535, 0.0168869 and
 * f″(0) = 8/(9(2^(4/3) − 2)) to full precision (libxc maple/lda_exc/lda_c_pw.mpl). Zero below libxc's
 * dens_threshold (1e-15) on the total density; above it each spin density is floored at the threshold, as
 * libxc does, which is what fixes the potential of an empty channel (ζ = ±1).
 */
public final class SpinPw92Correlation implements SpinLdaKernel {

    private static final double[] ALPHA1 = {0.21370, 0.20548, 0.11125};
    private static final double[] BETA1 = {7.5957, 14.1189, 10.357};
    private static final double[] BETA2 = {3.5876, 6.1977, 3.6231};
    private static final double[] BETA3 = {1.6382, 3.3662, 0.88026};
    private static final double[] BETA4 = {0.49294, 0.62517, 0.49671};
    /** 2^(4/3) − 2, the denominator of f(ζ). */
    private static final double F_DENOMINATOR = Math.pow(2.0, 4.0 / 3.0) - 2.0;

    private final String name;
    private final double[] a;
    private final double secondDerivativeAtZero;
    private final double densityThreshold;

    private SpinPw92Correlation(String name, double[] a, double secondDerivativeAtZero) {
        this.name = name;
        this.a = a;
        this.secondDerivativeAtZero = secondDerivativeAtZero;
        this.densityThreshold = Pw92Correlation.LIBXC_DENSITY_THRESHOLD;
    }

    /** LDA_C_PW: the constants as printed in Perdew &amp; Wang (1992). */
    public static SpinPw92Correlation original() {
        return new SpinPw92Correlation("LDA_C_PW", new double[] {0.031091, 0.015545, 0.016887}, 1.709921);
    }

    /** LDA_C_PW_MOD: the PBE reference routine's digits. */
    public static SpinPw92Correlation modified() {
        return new SpinPw92Correlation("LDA_C_PW_MOD", new double[] {0.0310907, 0.01554535, 0.0168869},
                8.0 / (9.0 * F_DENOMINATOR));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void evaluate(double up, double down, double[] out) {
        SpinLdaKernel.requireDomain(name, up, down);
        if (up + down < densityThreshold || up + down == 0.0) {
            out[0] = 0.0;
            out[1] = 0.0;
            out[2] = 0.0;
            return;
        }
        // as libxc: each spin density is floored at dens_threshold, so ζ stays inside (−1, 1)
        up = Math.max(up, densityThreshold);
        down = Math.max(down, densityThreshold);
        double n = up + down;
        double rs = Pw92Correlation.RS_FACTOR / Math.cbrt(n);
        double zeta = (up - down) / n;
        double g0 = g(0, rs);
        double g1 = g(1, rs);
        double gAlpha = g(2, rs);
        double dg0 = dgDrs(0, rs, g0);
        double dg1 = dgDrs(1, rs, g1);
        double dgAlpha = dgDrs(2, rs, gAlpha);
        double onePlus = Math.cbrt(1.0 + zeta);
        double oneMinus = Math.cbrt(1.0 - zeta);
        double f = ((1.0 + zeta) * onePlus + (1.0 - zeta) * oneMinus - 2.0) / F_DENOMINATOR;
        double dfDzeta = (4.0 / 3.0) * (onePlus - oneMinus) / F_DENOMINATOR;
        double zeta3 = zeta * zeta * zeta;
        double zeta4 = zeta3 * zeta;
        // ε = g0 + ζ⁴ f (g1 − g0 + gα/f″(0)) − f gα/f″(0), libxc's arrangement of PW92 Eq. 8
        double bracket = g1 - g0 + gAlpha / secondDerivativeAtZero;
        double eps = g0 + zeta4 * f * bracket - f * gAlpha / secondDerivativeAtZero;
        double dEpsDrs = dg0 + zeta4 * f * (dg1 - dg0 + dgAlpha / secondDerivativeAtZero)
                - f * dgAlpha / secondDerivativeAtZero;
        double dEpsDzeta = (4.0 * zeta3 * f + zeta4 * dfDzeta) * bracket - dfDzeta * gAlpha / secondDerivativeAtZero;
        double common = eps - rs / 3.0 * dEpsDrs;
        out[0] = n * eps;
        out[1] = common + (1.0 - zeta) * dEpsDzeta;
        out[2] = common - (1.0 + zeta) * dEpsDzeta;
    }

    /** G_k(r_s), PW92 Eq. 10 with p = 1. */
    private double g(int k, double rs) {
        double sqrtRs = Math.sqrt(rs);
        double denominator = sqrtRs * (BETA1[k] + sqrtRs * (BETA2[k] + sqrtRs * (BETA3[k] + sqrtRs * BETA4[k])));
        return -2.0 * a[k] * (1.0 + ALPHA1[k] * rs) * Math.log1p(1.0 / (2.0 * a[k] * denominator));
    }

    /** dG_k/dr_s given G_k, PW92 Eq. A5: α1 G/(1 + α1 r_s) + 2A (1 + α1 r_s) Q′/(Q (1 + 2A Q)). */
    private double dgDrs(int k, double rs, double gValue) {
        double sqrtRs = Math.sqrt(rs);
        double q = sqrtRs * (BETA1[k] + sqrtRs * (BETA2[k] + sqrtRs * (BETA3[k] + sqrtRs * BETA4[k])));
        double dq = 0.5 * BETA1[k] / sqrtRs + BETA2[k] + 1.5 * BETA3[k] * sqrtRs + 2.0 * BETA4[k] * rs;
        double onePlusAlphaRs = 1.0 + ALPHA1[k] * rs;
        return ALPHA1[k] * gValue / onePlusAlphaRs + 2.0 * a[k] * onePlusAlphaRs * dq / (q * (1.0 + 2.0 * a[k] * q));
    }
}
