package org.ofdft.functionals.kinetic;

/**
 * The static Lindhard function of the 3D non-interacting uniform electron gas and the response kernels
 * built from it (Lindhard, Kgl. Danske Vid. Selsk. Mat.-fys. Medd. 28, 8 (1954); Wang &amp; Teter, PRB 45,
 * 13196 (1992), Eq. 7):
 *
 * <pre>
 *   F(η) = 1/2 + (1 − η²)/(4η) · ln|(1 + η)/(1 − η)|,   η = k/(2k_F),  k_F = (3π² n₀)^{1/3},
 * </pre>
 *
 * so that the susceptibility is χ(k) = −(k_F/π²)·F(η) and the exact second variation of T_s at the
 * uniform gas is δ²T_s/δn(k)δn(−k) = −1/χ = (π²/k_F)/F(η). Thomas–Fermi contributes (π²/k_F)·1 to it and
 * von Weizsäcker (π²/k_F)·3η²: what is left, 1/F(η) − 3η² − 1 ({@link #wangTeterResponse}), is what a
 * nonlocal term must supply.
 *
 * <p>Evaluation, accurate to a few ulps everywhere (F is even in η; negative η are taken as |η|):
 * <ul>
 *   <li>η ≤ {@value #SMALL}: F = 1 − S(η) with S(x) = Σ_{k≥1} x^{2k}/(4k² − 1) (from the Taylor series of
 *       the logarithm), so 1/F − 1 = S/(1 − S) has no cancellation; F → 1 − η²/3 as η → 0, F(0) = 1;</li>
 *   <li>η = 1: F = 1/2 (the limit; the closed form is 0·∞ there);</li>
 *   <li>η &gt; {@value #LARGE} (DFTpy's switch point): F = S(1/η) → 1/(3η²), and 1/F − 3η² is summed as the
 *       series 3 Σ_{j≥1} d_j η^{−2(j−1)} obtained by inverting S (d_1 = −1/5: 1/F = 3η² − 3/5 − 24/(175η²) − …),
 *       avoiding the cancellation of two terms that grow like 3η²;</li>
 *   <li>elsewhere the closed form.</li>
 * </ul>
 * Both series identities follow from ln((1+x)/(1−x)) = 2Σ x^{2k+1}/(2k+1): for η &lt; 1,
 * F = ½ + ½(1−η²)Σ η^{2k}/(2k+1) = 1 − Σ_{k≥1} η^{2k}[1/(2k−1) − 1/(2k+1)]/2 = 1 − S(η), and for η &gt; 1 the
 * same algebra in y = 1/η gives F = S(y).
 */
public final class Lindhard {

    /** Below this η the small-η series is used. */
    public static final double SMALL = 0.1;
    /** Above this η the large-η series is used (DFTpy's kernel.py switches at the same point). */
    public static final double LARGE = 3.65;

    /** Terms of S kept: at η = 0.1 the first neglected one is 0.1^{32}/1023, far below an ulp. */
    private static final int S_TERMS = 16;
    /** Terms of the large-η series 3Σ d_j y^{2(j−1)}: at y² = 1/3.65² the first neglected one is ~1e-22. */
    private static final int R_TERMS = 20;

    /** r[i] = 3·d_{i+1}: 1/F(η) − 3η² = Σ_i r[i] η^{−2i} for large η. */
    private static final double[] LARGE_SERIES = largeEtaSeries();

    private Lindhard() {
    }

    /** The Fermi wave vector k_F = (3π² n)^{1/3} of a spin-unpolarized gas of density n (bohr⁻³). */
    public static double fermiWaveVector(double density) {
        return Math.cbrt(3 * Math.PI * Math.PI * density);
    }

    /** F(η), the Lindhard function normalized to F(0) = 1. */
    public static double f(double eta) {
        double x = Math.abs(eta);
        if (x <= SMALL) {
            return 1.0 - s(x);
        }
        if (x > LARGE) {
            return s(1.0 / x);
        }
        if (x == 1.0) {
            return 0.5;
        }
        return closedForm(x);
    }

    /** 1/F(η): 1 at η = 0, 2 at η = 1, 3η² − 3/5 + O(η⁻²) for large η. */
    public static double inverse(double eta) {
        double x = Math.abs(eta);
        if (x <= SMALL) {
            return 1.0 / (1.0 - s(x));
        }
        if (x > LARGE) {
            return 3 * x * x + largeSeries(1.0 / (x * x));
        }
        if (x == 1.0) {
            return 2.0;
        }
        return 1.0 / closedForm(x);
    }

    /**
     * 1/F(η) − 3μη² − λ, DFTpy's {@code LindhardFunction(eta, lbda, mu)}: the part of the inverse
     * Lindhard response not supplied by λ·TF + μ·vW.
     */
    public static double response(double eta, double lambda, double mu) {
        double x = Math.abs(eta);
        return wangTeterResponse(x) + 3 * (1 - mu) * x * x + (1 - lambda);
    }

    /**
     * L(η) = 1/F(η) − 3η² − 1, the Wang–Teter response (λ = μ = 1): 0 at η = 0 (≈ −(8/3)η² there), −2 at
     * η = 1, → −8/5 for η → ∞.
     */
    public static double wangTeterResponse(double eta) {
        double x = Math.abs(eta);
        if (x <= SMALL) {
            double s = s(x);
            return s / (1.0 - s) - 3 * x * x;
        }
        if (x > LARGE) {
            return largeSeries(1.0 / (x * x)) - 1.0;
        }
        if (x == 1.0) {
            return -2.0;
        }
        return 1.0 / closedForm(x) - 3 * x * x - 1.0;
    }

    /**
     * η·dL/dη for L = {@link #wangTeterResponse}; the derivative of a kernel K(|G|/2k_F) with respect to
     * the reference density is −(η L'(η))/(3n₀) times its prefactor. L' diverges logarithmically at η = 1;
     * there |1 − η| is floored at 1e-16 inside the logarithm, so the value stays finite.
     */
    public static double wangTeterResponseLogDerivative(double eta) {
        double x = Math.abs(eta);
        if (x <= SMALL) {
            double s = s(x);
            double xs = xDerivativeOfS(x);
            double oneMinusS = 1.0 - s;
            return xs / (oneMinusS * oneMinusS) - 6 * x * x;
        }
        if (x > LARGE) {
            // L = Σ r_i y^{2i} − 1 with y² = 1/η²: η dL/dη = −2 Σ i r_i y^{2i}.
            double y2 = 1.0 / (x * x);
            double sum = 0;
            for (int i = LARGE_SERIES.length - 1; i >= 1; i--) {
                sum = sum * y2 + i * LARGE_SERIES[i];
            }
            return -2 * sum * y2;
        }
        // F' = 1/(2η) − (1 + η²)/(4η²)·ln|(1+η)/(1−η)|; η L' = −η F'/F² − 6η².
        double log = Math.log((1 + x) / Math.max(Math.abs(1 - x), 1e-16));
        double f = 0.5 + (1 - x * x) / (4 * x) * log;
        double fPrime = 0.5 / x - (1 + x * x) / (4 * x * x) * log;
        return -x * fPrime / (f * f) - 6 * x * x;
    }

    /** Coefficients r_i, 1/F(η) − 3η² = Σ_i r_i η^{−2i} (a copy; r_0 = −3/5, r_1 = −24/175, …). */
    public static double[] largeEtaCoefficients() {
        return LARGE_SERIES.clone();
    }

    private static double closedForm(double x) {
        return 0.5 + (1 - x * x) / (4 * x) * Math.log(Math.abs((1 + x) / (1 - x)));
    }

    /** S(x) = Σ_{k≥1} x^{2k}/(4k² − 1), for x ≤ 0.3 (Horner in x²). */
    private static double s(double x) {
        double x2 = x * x;
        double sum = 0;
        for (int k = S_TERMS; k >= 1; k--) {
            sum = sum * x2 + 1.0 / (4.0 * k * k - 1.0);
        }
        return sum * x2;
    }

    /** x·S'(x) = Σ_{k≥1} 2k x^{2k}/(4k² − 1). */
    private static double xDerivativeOfS(double x) {
        double x2 = x * x;
        double sum = 0;
        for (int k = S_TERMS; k >= 1; k--) {
            sum = sum * x2 + 2.0 * k / (4.0 * k * k - 1.0);
        }
        return sum * x2;
    }

    private static double largeSeries(double y2) {
        double sum = 0;
        for (int i = LARGE_SERIES.length - 1; i >= 0; i--) {
            sum = sum * y2 + LARGE_SERIES[i];
        }
        return sum;
    }

    /**
     * For η &gt; 1, F = S(y) = (y²/3)(1 + u), u = Σ_{j≥1} c_j y^{2j}, c_j = 3/(4(j+1)² − 1). Then
     * 1/F = (3/y²) Σ_{j≥0} d_j y^{2j} with d_0 = 1, d_j = −Σ_{i=1..j} c_i d_{j−i} (power-series reciprocal),
     * i.e. 1/F − 3η² = Σ_{i≥0} 3 d_{i+1} y^{2i}.
     */
    private static double[] largeEtaSeries() {
        int terms = R_TERMS + 1;
        double[] c = new double[terms];
        for (int j = 1; j < terms; j++) {
            c[j] = 3.0 / (4.0 * (j + 1) * (j + 1) - 1.0);
        }
        double[] d = new double[terms];
        d[0] = 1.0;
        for (int j = 1; j < terms; j++) {
            double sum = 0;
            for (int i = 1; i <= j; i++) {
                sum += c[i] * d[j - i];
            }
            d[j] = -sum;
        }
        double[] r = new double[R_TERMS];
        for (int i = 0; i < R_TERMS; i++) {
            r[i] = 3 * d[i + 1];
        }
        return r;
    }
}
