package org.ofdft.functionals.xc;

/**
 * Local density approximation for one-dimensional electrons interacting through the soft-Coulomb
 * w(x) = 1/√(x² + 1), spin-unpolarized; e is an energy per length and n a density per length. Exchange is
 * libxc's {@code LDA_X_1D_SOFT} (id 21) with β = 1, correlation libxc's {@code LDA_C_1D_CSC} (id 18) with
 * the soft-Coulomb b = 1 parameter set; {@link #exchange()}, {@link #correlation()} and the default
 * constructor (both) select the parts.
 *
 * <h2>Exchange: exact for the uniform gas</h2>
 *
 * For the unpolarized gas each spin holds n/2 = k_F/π, so k_F = πn/2, and the one-body density matrix per
 * spin is ρ_σ(x) = sin(k_F x)/(πx) = ∫_{−k_F}^{k_F} dk/2π e^{ikx}. The exchange energy per length is
 *
 * <pre>
 *   e_x = −½ Σ_σ ∫ dx w(x) ρ_σ(x)² = −∫ dx w(x) sin²(k_F x)/(πx)².
 * </pre>
 *
 * In q-space: ∫ dx ρ_σ(x)² e^{−iqx} = (2k_F − |q|)₊/2π (the overlap of two Fermi seas shifted by q) and
 * ŵ(q) = ∫ dx e^{−iqx}/√(x² + 1) = 2K₀(|q|) (Gradshteyn–Ryzhik 3.754.2), so by Parseval
 *
 * <pre>
 *   e_x = −(1/2π) ∫ dq ŵ(q) (2k_F − |q|)₊/2π = −(1/π²) ∫_0^R K₀(q) (R − q) dq,      R = 2k_F = πn.
 * </pre>
 *
 * With J₁(R) = ∫_0^R K₀(t) dt and J₂(R) = ∫_0^R t K₀(t) dt = 1 − R K₁(R) (because d[−tK₁(t)]/dt = tK₀(t)
 * and tK₁(t) → 1 as t → 0; A&amp;S 9.6.28):
 *
 * <pre>
 *   e_x    = −(1/π²) [R J₁(R) − J₂(R)]
 *   ε_x    = e_x/n = −(1/π) [J₁(R) − J₂(R)/R]
 *   vrho_x = de_x/dn = π de_x/dR = −(1/π) [J₁ + R K₀(R) − R K₀(R)] = −J₁(R)/π
 * </pre>
 *
 * This is libxc's expression: its maple/lda_exc/lda_x_1d_exponential.mpl (included by lda_x_1d_soft.mpl
 * with the transform x1d_inter(x) = 2 K₀(x)) gives, at ζ = 0 and β = 1, ε = −(I₁(R) − I₂(R)/R)/(2π) with
 * I₁ = ∫_0^R 2K₀, I₂ = ∫_0^R 2tK₀ and R = πβn, i.e. the same function. libxc evaluates I₁ and I₂ by
 * adaptive quadrature (QUADPACK dqagse, {@code xc_integrate} in src/integrate.c, epsabs = epsrel = 1e-10);
 * here J₁ and J₂ are evaluated to double precision:
 * <ul>
 *   <li>R ≤ 2: the ascending series. With K₀(t) = Σ_k (t/2)^{2k}/(k!)² [H_k − ln(t/2) − γ] (A&amp;S 9.6.13,
 *       H_k the harmonic numbers, H_0 = 0), termwise integration gives, with L = ln(R/2) + γ,
 *       <pre>
 *   J₁ = 2 Σ_k (R/2)^{2k+1}/(k!)² [(H_k − L)/(2k+1) + 1/(2k+1)²]
 *   J₂ =   Σ_k (R/2)^{2k+2}/(k!)² [2(H_k − L)/(k+1) + 1/(k+1)²]
 *       </pre>
 *       (J₂/R is summed as such: the bracket series times 1/2). At most 14 terms at R = 2; no cancellation
 *       beyond a factor ~2.</li>
 *   <li>2 &lt; R &lt; 50: J₁ = π/2 − ∫_R^∞ K₀ and J₂ = 1 − R K₁(R), with the integral representations
 *       K₁(R) = ∫_0^∞ e^{−R cosh u} cosh u du (A&amp;S 9.6.24) and ∫_R^∞ K₀(t) dt = ∫_0^∞ e^{−R cosh u}/cosh u du
 *       (integrate K₀(t) = ∫_0^∞ e^{−t cosh u} du in t), both by the trapezoidal rule with step h = 0.2. The
 *       integrands are even and analytic in |Im u| &lt; π/2, so the discretization error is
 *       O(e^{−π²/h}) = O(4e-22); measured against 40-digit mpmath values for R ∈ [2, 50] it is below 3e-21
 *       absolute for both (and 1e-20 for R K₁). The sums stop when e^{−R cosh u} cosh u &lt; 1e-19
 *       (k = 20 nodes at R = 2, fewer above).</li>
 *   <li>R ≥ 50: K₁(R) and ∫_R^∞ K₀ are below 4e-23, so J₁ = π/2, J₂ = 1 in double precision:
 *       ε_x = −1/2 + 1/(π² n), vrho_x = −1/2.</li>
 * </ul>
 * Asymptotics (checked by the tests): n → 0, ε_x = −(n/2) [ln(2/(πn)) + 3/2 − γ] + O(n³ ln n) and
 * vrho_x = −n [ln(2/(πn)) + 1 − γ] + O(n³ ln n); n → ∞, ε_x = −1/2 + 1/(π² n) − (1/π)(K₁(πn) − ∫_{πn}^∞ K₀),
 * exponentially close to −1/2 + 1/(π² n) (w(0) = 1: the exchange hole shrinks onto the origin).
 *
 * <h2>Correlation: Casula–Sorella–Senatore form, soft-Coulomb fit of Helbig et al.</h2>
 *
 * <pre>
 *   r_s = 1/(2n)
 *   ε_c = −(r_s + E r_s²) ln(1 + α r_s + β r_s^m) / (2 (A + B r_s + C r_s² + D r_s³))
 *   vrho_c = ε_c − r_s dε_c/dr_s
 * </pre>
 *
 * (the ½ converts the fit's rydberg to hartree). Form: M. Casula, S. Sorella and G. Senatore, Phys. Rev. B
 * 74, 245427 (2006); the parameters for the soft-Coulomb interaction 1/√(x² + 1), unpolarized gas: N. Helbig,
 * J. I. Fuks, M. Casula, M. J. Verstraete, M. A. L. Marques, I. V. Tokatly and A. Rubio, Phys. Rev. A 83,
 * 032503 (2011). Constants as implemented in libxc (src/lda_c_1d_csc.c, {@code par_para[8]}, selected by
 * ext_params interaction = 1, beta = 1; formula in maple/lda_exc/lda_c_1d_csc.mpl, whose exponents n1, n2
 * are 2 and 3 for this set): A = 18.40, B = 0, C = 7.501, D = 0.10185, E = 0.012827, α = 1.511, β = 0.258,
 * m = 4.424. For r_s &gt; 1 the same function is evaluated with s = 1/r_s = 2n,
 * ε_c = −(s² + E s)[ln β + m ln r_s + ln(1 + (s^m + α s^{m−1})/β)] / (2 (A s³ + B s² + C s + D)), which
 * neither overflows nor loses digits as n → 0.
 *
 * <p>Agreement with libxc 5.2.3 ({@code validation-data/softcoulomb-lda/}): correlation and vrho_x to
 * round-off; ε_x to libxc's quadrature tolerance (its absolute 1e-10 on I₂ shows as 6e-8 relative at
 * n = 1e-5). There is no density screening by default (n = 0 gives e = vrho = 0, the limit of both parts);
 * a threshold zeroes n &lt; threshold.
 */
public final class SoftCoulombLda1D implements LdaKernel {

    /** Which terms a kernel evaluates, with its libxc-style label. */
    public enum Part {
        EXCHANGE("LDA_X_1D_SOFT"),
        CORRELATION("LDA_C_1D_CSC"),
        EXCHANGE_CORRELATION("LDA_XC_1D_SOFT_COULOMB");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Euler's constant γ (A&amp;S 6.1.3). */
    static final double EULER_GAMMA = 0.57721566490153286061;

    // exchange: evaluation regimes in R = πn
    private static final double SERIES_MAX_R = 2.0;
    private static final double FLAT_FROM_R = 50.0;
    private static final double TRAPEZOID_STEP = 0.2;
    private static final double TRAPEZOID_CUT = 1e-19;
    /** cosh(k h), k = 0 … 31; the sums for R &gt; 2 stop by k = 20. */
    private static final double[] COSH = new double[32];

    static {
        for (int k = 0; k < COSH.length; k++) {
            COSH[k] = Math.cosh(k * TRAPEZOID_STEP);
        }
    }

    // correlation: libxc src/lda_c_1d_csc.c, par_para[8] (soft-Coulomb, b = 1); n1 = 2, n2 = 3
    static final double CORR_A = 18.40;
    static final double CORR_B = 0.0;
    static final double CORR_C = 7.501;
    static final double CORR_D = 0.10185;
    static final double CORR_E = 0.012827;
    static final double CORR_ALPHA = 1.511;
    static final double CORR_BETA = 0.258;
    static final double CORR_M = 4.424;
    private static final double LN_CORR_BETA = Math.log(CORR_BETA);

    private final Part part;
    private final double densityThreshold;

    /** Exchange + correlation, no density screening. */
    public SoftCoulombLda1D() {
        this(Part.EXCHANGE_CORRELATION, 0.0);
    }

    public SoftCoulombLda1D(Part part, double densityThreshold) {
        if (part == null) {
            throw new NullPointerException("part");
        }
        XcInputs.requireThreshold(part.label(), densityThreshold);
        this.part = part;
        this.densityThreshold = densityThreshold;
    }

    /** Exchange only (libxc LDA_X_1D_SOFT, β = 1), no screening. */
    public static SoftCoulombLda1D exchange() {
        return new SoftCoulombLda1D(Part.EXCHANGE, 0.0);
    }

    /** Correlation only (libxc LDA_C_1D_CSC, soft-Coulomb b = 1), no screening. */
    public static SoftCoulombLda1D correlation() {
        return new SoftCoulombLda1D(Part.CORRELATION, 0.0);
    }

    public Part part() {
        return part;
    }

    @Override
    public String name() {
        return part.label();
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
        energyDensity[index] = 0.0;
        vrho[index] = 0.0;
        if (n < densityThreshold || n == 0.0) {
            return;
        }
        if (part != Part.CORRELATION) {
            addExchange(n, n, energyDensity, vrho, index);
        }
        if (part != Part.EXCHANGE) {
            addCorrelation(n, n, energyDensity, vrho, index);
        }
    }

    /** ε_x(n), exchange energy per particle of the uniform gas. Not meant for hot loops. */
    public static double exchangePerParticle(double n) {
        return pointValue(n, Part.EXCHANGE, 0);
    }

    /** vrho_x(n) = d(n ε_x)/dn. Not meant for hot loops. */
    public static double exchangePotential(double n) {
        return pointValue(n, Part.EXCHANGE, 1);
    }

    /** ε_c(n), correlation energy per particle (Helbig et al. fit). Not meant for hot loops. */
    public static double correlationPerParticle(double n) {
        return pointValue(n, Part.CORRELATION, 0);
    }

    /** vrho_c(n) = d(n ε_c)/dn. Not meant for hot loops. */
    public static double correlationPotential(double n) {
        return pointValue(n, Part.CORRELATION, 1);
    }

    /** ε (which = 0) or vrho (which = 1) of one part, computed per particle so that it does not underflow. */
    private static double pointValue(double n, Part part, int which) {
        XcInputs.requirePointDomain(part.label(), n);
        double[] eps = new double[1];
        double[] v = new double[1];
        if (n > 0.0) {
            if (part == Part.EXCHANGE) {
                addExchange(n, 1.0, eps, v, 0);
            } else {
                addCorrelation(n, 1.0, eps, v, 0);
            }
        }
        return which == 0 ? eps[0] : v[0];
    }

    /**
     * Adds weight·ε_x, ε_x = −(J₁ − J₂/R)/π, to {@code energy[index]} and vrho_x = −J₁/π to
     * {@code vrho[index]}; R = πn, n &gt; 0. J₂/R is summed as such, so that nothing underflows as n → 0
     * or overflows as n → ∞.
     */
    private static void addExchange(double n, double weight, double[] energy, double[] vrho, int index) {
        double r = Math.PI * n;
        double j1;
        double j2OverR;
        if (r <= SERIES_MAX_R) {
            double x = 0.5 * r;
            double x2 = x * x;
            double logTerm = Math.log(x) + EULER_GAMMA;     // L = ln(R/2) + γ
            double term = x;                                // (R/2)^{2k+1}/(k!)²
            double harmonic = 0.0;                          // H_k
            double s1 = 0.0;
            double s2 = 0.0;
            for (int k = 0; k < 40; k++) {
                if (k > 0) {
                    harmonic += 1.0 / k;
                    term *= x2 / ((double) k * k);
                }
                double a = harmonic - logTerm;
                double odd = 2 * k + 1;
                double kp1 = k + 1;
                s1 += term * (a / odd + 1.0 / (odd * odd));
                s2 += term * (2.0 * a / kp1 + 1.0 / (kp1 * kp1));
                if (k > 0 && term * (Math.abs(a) + 1.0) < 1e-18 * s1) {
                    break;
                }
            }
            j1 = 2.0 * s1;
            j2OverR = 0.5 * s2;                             // J₂/R = Σ (R/2)^{2k+2}/(k!)² […] / (2 · R/2)
        } else if (r < FLAT_FROM_R) {
            double half = 0.5 * Math.exp(-r);
            double tailK0 = half;                           // trapezoid for ∫_R^∞ K₀
            double k1 = half;                               // trapezoid for K₁(R)
            for (int k = 1; k < COSH.length; k++) {
                double c = COSH[k];
                double t = Math.exp(-r * c);
                tailK0 += t / c;
                k1 += t * c;
                if (t * c < TRAPEZOID_CUT) {
                    break;
                }
            }
            j1 = 0.5 * Math.PI - TRAPEZOID_STEP * tailK0;
            j2OverR = 1.0 / r - TRAPEZOID_STEP * k1;
        } else {
            j1 = 0.5 * Math.PI;
            j2OverR = 1.0 / r;                              // 0 once πn overflows: the limit
        }
        energy[index] += weight * ((j2OverR - j1) / Math.PI);
        vrho[index] += -j1 / Math.PI;
    }

    /** Adds weight·ε_c to {@code energy[index]} and vrho_c = ε_c − r_s dε_c/dr_s to {@code vrho[index]}, n &gt; 0. */
    private static void addCorrelation(double n, double weight, double[] energy, double[] vrho, int index) {
        double eps;
        double rsDeps;                                      // r_s dε_c/dr_s
        if (n >= 0.5) {                                     // r_s ≤ 1
            double rs = 0.5 / n;
            double rsM = Math.pow(rs, CORR_M);
            double gMinus1 = CORR_ALPHA * rs + CORR_BETA * rsM;
            double ell = Math.log1p(gMinus1);
            double rsDell = (CORR_ALPHA * rs + CORR_BETA * CORR_M * rsM) / (1.0 + gMinus1);
            double num = rs * (1.0 + CORR_E * rs);
            double rsDnum = rs * (1.0 + 2.0 * CORR_E * rs);
            double den = CORR_A + rs * (CORR_B + rs * (CORR_C + rs * CORR_D));
            double rsDden = rs * (CORR_B + rs * (2.0 * CORR_C + rs * 3.0 * CORR_D));
            eps = -num * ell / (2.0 * den);
            rsDeps = -(rsDnum * ell + num * rsDell) / (2.0 * den) + num * ell * rsDden / (2.0 * den * den);
        } else {                                            // s = 1/r_s = 2n < 1
            double s = 2.0 * n;
            double sM1 = Math.pow(s, CORR_M - 1.0);         // r_s^{1−m}
            double t = (s * sM1 + CORR_ALPHA * sM1) / CORR_BETA;   // (1 + α r_s)/(β r_s^m)
            double u = CORR_ALPHA * sM1 / CORR_BETA;               // α r_s/(β r_s^m)
            double ell = LN_CORR_BETA - CORR_M * Math.log(s) + Math.log1p(t);
            double sDell = -(CORR_M + u) / (1.0 + t);       // s dℓ/ds = −r_s dℓ/dr_s
            double num = s * (s + CORR_E);
            double sDnum = s * (2.0 * s + CORR_E);
            double den = CORR_D + s * (CORR_C + s * (CORR_B + s * CORR_A));
            double sDden = s * (CORR_C + s * (2.0 * CORR_B + s * 3.0 * CORR_A));
            eps = -num * ell / (2.0 * den);
            double sDeps = -(sDnum * ell + num * sDell) / (2.0 * den) + num * ell * sDden / (2.0 * den * den);
            rsDeps = -sDeps;
        }
        energy[index] += weight * eps;
        vrho[index] += eps - rsDeps;
    }
}
