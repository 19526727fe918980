package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Perdew–Burke–Ernzerhof correlation, spin-unpolarized (φ = 1; libxc GGA_C_PBE, id 130):
 *
 * <pre>
 *   e = n [ε_c^PW(r_s) + H(r_s, t)]
 *   H = γ ln[1 + (β/γ) t² (1 + A t²) / (1 + A t² + A² t⁴)]                  (PBE96 Eq. 7)
 *   A = (β/γ) / (exp(−ε_c^PW/γ) − 1)                                       (PBE96 Eq. 8)
 *   t² = σ / (4 k_s² n²) = σ (π/3)^(1/3) / (16 n^(7/3)),   k_s² = 4 k_F/π,   k_F = (3π² n)^(1/3)
 *   β = 0.06672455060314922,   γ = (1 − ln 2)/π²
 * </pre>
 *
 * J. P. Perdew, K. Burke and M. Ernzerhof, Phys. Rev. Lett. 77, 3865 (1996). As in libxc
 * (maple/gga_exc/gga_c_pbe.mpl) the local part ε_c^PW is {@link Pw92Correlation#modified() LDA_C_PW_MOD}
 * (A = 0.0310907, the digits of the PBE reference routine), and β carries the full digits of the PBE code.
 *
 * <p>With x = A t², M = 1 + x + x², Q = t²(1 + x)/M and H = γ ln(1 + (β/γ)Q), the derivatives are
 * ∂Q/∂t² = (1 + 2x)/M², ∂Q/∂A = −t⁴ x (2 + x)/M², dA/dε = A² e^(−ε/γ)/β, and
 * <pre>
 *   vrho   = ε + H − (r_s/3)(dε/dr_s)(1 + ∂H/∂A · dA/dε) − (7/3) t² ∂H/∂t²
 *   vsigma = n ∂H/∂t² · t²/σ
 * </pre>
 *
 * <p>Screening as libxc 5.2.3: zero for n &lt; dens_threshold (default 1e-12 for this functional); σ is
 * floored at dens_threshold^(8/3). For t → ∞ H → −ε_c^PW and e is the difference of two nearly equal
 * numbers: there both this kernel and libxc return round-off (|e| ~ 1e-16 n|ε_c^PW|).
 */
public final class PbeCorrelation implements GgaKernel {

    /** libxc 5.2.3's default dens_threshold for GGA_C_PBE. */
    public static final double LIBXC_DENSITY_THRESHOLD = 1e-12;

    public static final double BETA = 0.06672455060314922;
    public static final double GAMMA = (1.0 - Math.log(2.0)) / (Math.PI * Math.PI);

    /** t² = T2_FACTOR · σ / n^(7/3), T2_FACTOR = (π/3)^(1/3)/16. */
    static final double T2_FACTOR = Math.cbrt(Math.PI / 3.0) / 16.0;

    private final Pw92Correlation localCorrelation = Pw92Correlation.modified(0.0);
    private final double densityThreshold;
    private final double sigmaFloor;

    public PbeCorrelation() {
        this(LIBXC_DENSITY_THRESHOLD);
    }

    public PbeCorrelation(double densityThreshold) {
        XcInputs.requireThreshold("GGA_C_PBE", densityThreshold);
        this.densityThreshold = densityThreshold;
        this.sigmaFloor = Math.pow(densityThreshold, 8.0 / 3.0);
    }

    @Override
    public String name() {
        return "GGA_C_PBE";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        if (ArrayMath.vectorized()) {
            VectorXcKernels.pbeCorrelation(block, localCorrelation.a(), densityThreshold, sigmaFloor);
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
        double[] eps = block.work1;
        double[] dEpsDrs = block.work2;
        double[] expm1 = block.work3;
        double[] logArgument = block.work4;
        double[] logarithm = block.work5;
        ArrayMath.cbrt(n, cubeRoot, 0, count);
        localCorrelation.epsilonAndDerivative(cubeRoot, count, eps, dEpsDrs);
        for (int j = 0; j < count; j++) {
            expm1[j] = -eps[j] / GAMMA;
        }
        ArrayMath.expm1(expm1, expm1, 0, count);
        for (int j = 0; j < count; j++) {
            double t2 = Math.max(sigma[j], sigmaFloor) * T2_FACTOR / (n[j] * n[j] * cubeRoot[j]);
            double x = BETA / GAMMA / expm1[j] * t2;
            // grouped as (t²/M)·(1 + x) so that no t⁴ or t⁶ is formed: finite for any t² below ~1e150
            logArgument[j] = BETA / GAMMA * (t2 / (1.0 + x + x * x) * (1.0 + x));
        }
        ArrayMath.log1p(logArgument, logarithm, 0, count);
        for (int j = 0; j < count; j++) {
            double rs = Pw92Correlation.RS_FACTOR / cubeRoot[j];
            double t2PerSigma = T2_FACTOR / (n[j] * n[j] * cubeRoot[j]);
            double t2 = Math.max(sigma[j], sigmaFloor) * t2PerSigma;
            double a = BETA / GAMMA / expm1[j];
            double dADeps = a * a * (expm1[j] + 1.0) / BETA;
            double x = a * t2;
            double m = 1.0 + x + x * x;
            double t2OverM = t2 / m;
            double h = GAMMA * logarithm[j];
            double dHdQ = BETA / (1.0 + logArgument[j]);
            double dQdT2 = (1.0 + 2.0 * x) / m / m;
            double dQdA = -(t2OverM * x) * (t2OverM * (2.0 + x));
            double dHdT2 = dHdQ * dQdT2;
            double dHdA = dHdQ * dQdA;
            block.energyDensity[j] = n[j] * (eps[j] + h);
            block.vrho[j] = eps[j] + h - rs / 3.0 * dEpsDrs[j] * (1.0 + dHdA * dADeps) - 7.0 / 3.0 * t2 * dHdT2;
            block.vsigma[j] = n[j] * dHdT2 * t2PerSigma;
        }
        block.screen(densityThreshold);
    }
}
