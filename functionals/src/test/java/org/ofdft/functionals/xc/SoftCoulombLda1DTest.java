package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.functionals.ConsistencyCheck;
import org.ofdft.functionals.TestDensities;

/**
 * {@link SoftCoulombLda1D}: potentials are derivatives of the energy, the asymptotic series of the exact
 * exchange, the limits of the correlation fit, and reference values from libxc 5.2.3 and from 40-digit
 * mpmath ({@code validation-data/softcoulomb-lda/}, see its README).
 */
class SoftCoulombLda1DTest {

    private static final Path DATA = Path.of("..", "validation-data", "softcoulomb-lda");
    private static final double GAMMA = SoftCoulombLda1D.EULER_GAMMA;

    private final SoftCoulombLda1D exchange = SoftCoulombLda1D.exchange();
    private final SoftCoulombLda1D correlation = SoftCoulombLda1D.correlation();
    private final SoftCoulombLda1D both = new SoftCoulombLda1D();

    // ---------------------------------------------------------------- derivatives

    /**
     * Central differences (e(n + h) − e(n − h))/2h, h = 1e-5·n: truncation h²e‴/6 and round-off
     * 1e-16·e/h are both ≲ 1e-10 relative, so 1e-8 catches any wrong term. The densities cover every
     * evaluation regime of the exchange (series R = πn ≤ 2, trapezoid 2 &lt; R &lt; 50, constant J's beyond;
     * R = 2 at n = 0.6366, R = 50 at n = 15.92) and both branches of the correlation (switch at n = 1/2).
     * vrho_c changes sign near n = 0.3, so differences are measured against max(|vrho|, |ε|).
     */
    @Test
    void potentialsAreDerivativesOfTheEnergyDensity() {
        double[] densities = {1e-9, 1e-6, 1e-4, 3e-3, 0.02, 0.1, 0.3, 0.45, 0.5, 0.55, 0.63, 2.0 / Math.PI, 0.65,
                1.0, 2.5, 6.0, 12.0, 15.9, 50.0 / Math.PI, 16.0, 40.0, 1e3, 1e6};
        for (SoftCoulombLda1D kernel : List.of(exchange, correlation, both)) {
            RelativeAgreement agreement = new RelativeAgreement(kernel.name() + " vrho vs de/dn", 1e-8);
            for (double n : densities) {
                double h = 1e-5 * n;
                double fd = (kernel.energyDensity(n + h) - kernel.energyDensity(n - h)) / (2.0 * h);
                double scale = Math.abs(kernel.energyDensity(n) / n);
                agreement.compare("vrho", "n = " + n, kernel.potential(n), fd, scale);
            }
            agreement.assertWithinTolerance();
        }
    }

    @Test
    void functionalPotentialIsTheDerivativeOnOneDimensionalGrids() {
        ConsistencyCheck.assertPotentialIsDerivative("1D soft-Coulomb LDA, box",
                LdaFunctional.softCoulomb1D(TestDensities.box()));
        ConsistencyCheck.assertPotentialIsDerivative("1D soft-Coulomb LDA, periodic",
                LdaFunctional.softCoulomb1D(TestDensities.ring()));
        assertThrows(IllegalArgumentException.class, () -> LdaFunctional.softCoulomb1D(TestDensities.grid3D()));
        assertEquals("lda_1d_soft_coulomb", LdaFunctional.softCoulomb1D(TestDensities.ring()).label());
    }

    // ---------------------------------------------------------------- exchange asymptotics

    /**
     * n → 0 (R = πn → 0, L = ln(R/2) + γ), from the ascending series of K₀ integrated termwise:
     * <pre>
     *   ε_x = −(R/π) [3/4 − L/2 + R² ((1 − L)/48 + 7/576) + R⁴ ((3/2 − L)/1920 + 11/57600) + …]
     *   vrho_x = −(R/π) [1 − L + R² ((1 − L)/12 + 1/36) + R⁴ ((3/2 − L)/320 + 1/1600) + …]
     * </pre>
     * i.e. ε_x → −(n/2)[ln(2/(πn)) + 3/2 − γ]. The first two terms are asserted with the third (the R⁴ L
     * term; all terms are positive inside the bracket for R &lt; 2) as tolerance, plus round-off. The
     * implementation sums the same series to convergence, so this checks its first terms and signs;
     * the mpmath values check the sum.
     */
    @Test
    void lowDensityExchangeFollowsItsSeries() {
        for (double n : new double[] {1e-12, 1e-8, 1e-5, 1e-3, 1e-2, 0.05}) {
            double r = Math.PI * n;
            double l = Math.log(r / 2) + GAMMA;
            double r2 = r * r;
            double eps = SoftCoulombLda1D.exchangePerParticle(n);
            double epsTwoTerms = -(r / Math.PI) * (0.75 - l / 2 + r2 * ((1 - l) / 48 + 7.0 / 576));
            double epsThird = -(r / Math.PI) * r2 * r2 * ((1.5 - l) / 1920 + 11.0 / 57600);
            assertEquals(epsTwoTerms, eps, 2 * Math.abs(epsThird) + 1e-15 * Math.abs(eps), "eps_x at n = " + n);
            double v = SoftCoulombLda1D.exchangePotential(n);
            double vTwoTerms = -(r / Math.PI) * (1 - l + r2 * ((1 - l) / 12 + 1.0 / 36));
            double vThird = -(r / Math.PI) * r2 * r2 * ((1.5 - l) / 320 + 1.0 / 1600);
            assertEquals(vTwoTerms, v, 2 * Math.abs(vThird) + 1e-15 * Math.abs(v), "vrho_x at n = " + n);
        }
        // the leading term alone, as stated in the class comment
        double n = 1e-10;
        double leading = -(n / 2) * (Math.log(2 / (Math.PI * n)) + 1.5 - GAMMA);
        assertEquals(leading, SoftCoulombLda1D.exchangePerParticle(n), 1e-15 * Math.abs(leading));
    }

    /**
     * n → ∞: ε_x = −1/2 + 1/(π² n) − (1/π)(K₁(R) − ∫_R^∞ K₀) and vrho_x = −1/2 + (1/π) ∫_R^∞ K₀, R = πn.
     * With the asymptotic series (A&amp;S 9.7.2 for K₁; for ∫_R^∞ K₀ the coefficients 1, −5/8, 129/128,
     * −2655/1024, 301035/32768 follow from integrating that of K₀ by parts; both checked against mpmath),
     * P = √(π/2R) e^{−R}:
     * <pre>
     *   K₁ − ∫_R^∞ K₀ = P [1/R − 9/(8R²) + 345/(128R³) − 9.33/R⁴ + …]
     *   ∫_R^∞ K₀      = P [1 − 5/(8R) + 129/(128R²) − 2655/(1024R³) + 9.19/R⁴ − …]
     * </pre>
     * asserted with twice the first omitted term as tolerance, where the exponentially small part is still
     * far above round-off; beyond R ≈ 37 it is below the spacing of doubles and ε_x = −1/2 + 1/(π² n).
     */
    @Test
    void highDensityExchangeFollowsItsAsymptoticSeries() {
        for (double n : new double[] {3.0, 4.0, 5.0, 6.0}) {
            double r = Math.PI * n;
            double p = Math.sqrt(Math.PI / (2 * r)) * Math.exp(-r);
            double epsSmooth = -0.5 + 1 / (Math.PI * Math.PI * n);
            double epsTail = -(SoftCoulombLda1D.exchangePerParticle(n) - epsSmooth) * Math.PI / p;
            double epsSeries = 1 / r - 9 / (8 * r * r) + 345 / (128 * r * r * r);
            assertEquals(epsSeries, epsTail, 2 * 9.33 / (r * r * r * r), "eps_x tail at n = " + n);
            double vTail = (SoftCoulombLda1D.exchangePotential(n) + 0.5) * Math.PI / p;
            double vSeries = 1 - 5 / (8 * r) + 129 / (128 * r * r) - 2655 / (1024 * r * r * r);
            assertEquals(vSeries, vTail, 2 * 9.19 / (r * r * r * r), "vrho_x tail at n = " + n);
        }
        for (double n : new double[] {12.0, 16.0, 100.0, 1e4, 1e8}) {
            double smooth = -0.5 + 1 / (Math.PI * Math.PI * n);
            assertEquals(smooth, SoftCoulombLda1D.exchangePerParticle(n), 2e-16, "eps_x at n = " + n);
            assertEquals(-0.5, SoftCoulombLda1D.exchangePotential(n), 2e-16, "vrho_x at n = " + n);
        }
    }

    /** The evaluation regimes of the exchange meet to round-off at R = 2 and R = 50. */
    @Test
    void exchangeRegimesJoinContinuously() {
        for (double n : new double[] {2.0 / Math.PI, 50.0 / Math.PI}) {
            double below = Math.nextDown(n);
            double above = Math.nextUp(n);
            assertEquals(exchange.energyDensity(below), exchange.energyDensity(above),
                    1e-15 * Math.abs(exchange.energyDensity(n)), "e_x across n = " + n);
            assertEquals(exchange.potential(below), exchange.potential(above),
                    1e-15 * Math.abs(exchange.potential(n)), "vrho_x across n = " + n);
        }
        double below = Math.nextDown(0.5);
        assertEquals(correlation.energyDensity(below), correlation.energyDensity(0.5),
                1e-15 * Math.abs(correlation.energyDensity(0.5)), "e_c across n = 1/2");
        assertEquals(correlation.potential(below), correlation.potential(0.5),
                1e-14 * Math.abs(correlation.potential(0.5)), "vrho_c across n = 1/2");
    }

    // ---------------------------------------------------------------- correlation limits

    /**
     * The fit's limits (r_s = 1/(2n)):
     * <pre>
     *   r_s → 0:  ε_c = −[α r_s² + (αE − α²/2) r_s³]/(2A) + c₄ r_s⁴,  |c₄| ≤ (α³/3 + Eα²/2 + αC/A)/(2A)
     *   r_s → ∞:  ε_c = −(E/2D) (m ln r_s + ln β)/r_s · (1 + O(1/(E r_s)) + O(C/(D r_s)))
     * </pre>
     * (m = 4.424 &gt; 4, so β r_s^m does not enter the r_s⁴ term.)
     */
    @Test
    void correlationLimits() {
        double a = SoftCoulombLda1D.CORR_A;
        double alpha = SoftCoulombLda1D.CORR_ALPHA;
        double e = SoftCoulombLda1D.CORR_E;
        double c4 = (alpha * alpha * alpha / 3 + e * alpha * alpha / 2 + alpha * SoftCoulombLda1D.CORR_C / a) / (2 * a);
        for (double n : new double[] {50.0, 1e3, 1e5}) {
            double rs = 0.5 / n;
            double series = -(alpha * rs * rs + (alpha * e - alpha * alpha / 2) * rs * rs * rs) / (2 * a);
            double eps = SoftCoulombLda1D.correlationPerParticle(n);
            assertEquals(series, eps, 2 * c4 * rs * rs * rs * rs + 1e-15 * Math.abs(eps), "eps_c at n = " + n);
        }
        double d = SoftCoulombLda1D.CORR_D;
        double m = SoftCoulombLda1D.CORR_M;
        for (double n : new double[] {1e-8, 1e-12, 1e-100, 1e-300}) {
            double rs = 0.5 / n;
            double lnRs = -Math.log(2 * n);                 // finite also where r_s itself overflows
            double leading = -(e / (2 * d)) * (m * lnRs + Math.log(SoftCoulombLda1D.CORR_BETA)) * 2 * n;
            double relative = 2 * (1 / (e * rs) + SoftCoulombLda1D.CORR_C / (d * rs)) + 1e-14;
            double eps = SoftCoulombLda1D.correlationPerParticle(n);
            assertEquals(leading, eps, relative * Math.abs(leading), "eps_c at n = " + n);
        }
    }

    // ---------------------------------------------------------------- reference values

    /**
     * libxc 5.2.3 (Debian libxc-dev), {@code softcoulomb_table.c}: LDA_X_1D_SOFT with β = 1 and
     * LDA_C_1D_CSC with (interaction, beta) = (1, 1).
     *
     * <p>Correlation is closed-form in libxc too: 1e-12 relative (observed ≲ 1e-15). Exchange: libxc
     * evaluates I₁ = ∫_0^R 2K₀ and I₂ = ∫_0^R 2tK₀ with QUADPACK dqagse at epsabs = epsrel = 1e-10
     * ({@code xc_integrate}, libxc src/integrate.c), i.e. |ΔI| ≤ max(1e-10, 1e-10·|I|), so
     * |Δε_x| ≤ [max(1e-10, 1e-10 I₁) + max(1e-10, 1e-10 I₂)/R]/(2π); in libxc's vrho the I₂ terms cancel,
     * |Δvrho_x| ≤ max(1e-10, 1e-10 I₁)/(2π). Those are the tolerances (1e-10 relative at n ≥ 0.1, looser
     * below, where the absolute 1e-10 on the small I₂ dominates; the observed ε_x difference is 6e-8
     * relative at n = 1e-5, 1.5e-9 at 1e-3 and ≤ 2e-16 from n = 0.01 on, and the mpmath test shows that
     * the difference is libxc's). Our I₁, I₂ stand in for the exact ones in the bound (they agree with
     * mpmath to 1e-15).
     */
    @Test
    void agreesWithLibxc() throws IOException {
        List<LibxcReferenceTable.Section> sections =
                LibxcReferenceTable.parse(Files.readAllLines(DATA.resolve("softcoulomb_table.txt")));
        assertEquals(2, sections.size());
        LibxcReferenceTable.Section x = sections.get(0);
        LibxcReferenceTable.Section c = sections.get(1);
        assertEquals("LDA_X_1D_SOFT", x.label());
        assertEquals(21, x.libxcId());
        assertEquals("[ext_params beta=1]", x.grid());
        assertEquals("LDA_C_1D_CSC", c.label());
        assertEquals(18, c.libxcId());
        assertEquals("[ext_params interaction=1 beta=1]", c.grid());

        double worstEps = 0;
        double worstV = 0;
        for (LibxcReferenceTable.Row row : x.rows()) {
            double n = row.n();
            double r = Math.PI * n;
            double eps = SoftCoulombLda1D.exchangePerParticle(n);
            double v = SoftCoulombLda1D.exchangePotential(n);
            double i1 = -2 * Math.PI * v;                   // ∫_0^R 2K₀ = 2 J₁ = −2π vrho_x
            double i2 = r * (i1 + 2 * Math.PI * eps);       // ∫_0^R 2tK₀, from ε_x = −(I₁ − I₂/R)/(2π)
            double quad1 = Math.max(1e-10, 1e-10 * Math.abs(i1));
            double quad2 = Math.max(1e-10, 1e-10 * Math.abs(i2));
            double epsBound = (quad1 + quad2 / r) / (2 * Math.PI) + 1e-15 * Math.abs(eps);
            double vBound = quad1 / (2 * Math.PI) + 1e-15 * Math.abs(v);
            assertTrue(Math.abs(eps - row.eps()) <= epsBound,
                    "eps_x at " + row.describe() + ": " + eps + " vs libxc " + row.eps() + ", bound " + epsBound);
            assertTrue(Math.abs(v - row.vrho()) <= vBound,
                    "vrho_x at " + row.describe() + ": " + v + " vs libxc " + row.vrho() + ", bound " + vBound);
            if (n >= 0.1) {
                assertEquals(row.eps(), eps, 1e-10 * Math.abs(row.eps()), "1e-10 where libxc's bound is relative");
                assertEquals(row.vrho(), v, 1e-10 * Math.abs(row.vrho()), "1e-10 where libxc's bound is relative");
            }
            worstEps = Math.max(worstEps, Math.abs(eps - row.eps()) / Math.abs(row.eps()));
            worstV = Math.max(worstV, Math.abs(v - row.vrho()) / Math.abs(row.vrho()));
        }
        System.out.printf("LDA_X_1D_SOFT vs libxc: %d rows within the QUADPACK bound; worst relative difference"
                + " eps %.3e, vrho %.3e%n", x.rows().size(), worstEps, worstV);

        RelativeAgreement epsC = new RelativeAgreement("LDA_C_1D_CSC eps vs libxc", 1e-12);
        RelativeAgreement vC = new RelativeAgreement("LDA_C_1D_CSC vrho vs libxc", 1e-12);
        for (LibxcReferenceTable.Row row : c.rows()) {
            double n = row.n();
            epsC.compare("eps", row.describe(), SoftCoulombLda1D.correlationPerParticle(n), row.eps(), Double.MIN_NORMAL);
            vC.compare("vrho", row.describe(), SoftCoulombLda1D.correlationPotential(n), row.vrho(), Double.MIN_NORMAL);
        }
        epsC.assertWithinTolerance();
        vC.assertWithinTolerance();
        assertTrue(x.rows().size() >= 7 && c.rows().size() >= 7);
    }

    /**
     * 40-digit mpmath values ({@code softcoulomb_mpmath.py}: J₁ by quadrature of K₀, J₂ = 1 − R K₁(R) checked
     * against quadrature; correlation formula in 40-digit arithmetic, its derivative by mpmath.diff).
     * Exchange to 2e-15 relative (the double-precision evaluation); correlation to 1e-14.
     */
    @Test
    void agreesWithHighPrecisionValues() throws IOException {
        RelativeAgreement epsX = new RelativeAgreement("eps_x vs mpmath", 2e-15);
        RelativeAgreement vX = new RelativeAgreement("vrho_x vs mpmath", 2e-15);
        RelativeAgreement epsC = new RelativeAgreement("eps_c vs mpmath", 1e-14);
        RelativeAgreement vC = new RelativeAgreement("vrho_c vs mpmath", 1e-14);
        int rows = 0;
        for (String line : Files.readAllLines(DATA.resolve("softcoulomb_mpmath.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            double n = Double.parseDouble(f[0]);
            String where = "n = " + f[0];
            epsX.compare("eps_x", where, SoftCoulombLda1D.exchangePerParticle(n), Double.parseDouble(f[1]),
                    Double.MIN_NORMAL);
            vX.compare("vrho_x", where, SoftCoulombLda1D.exchangePotential(n), Double.parseDouble(f[2]),
                    Double.MIN_NORMAL);
            epsC.compare("eps_c", where, SoftCoulombLda1D.correlationPerParticle(n), Double.parseDouble(f[3]),
                    Double.MIN_NORMAL);
            vC.compare("vrho_c", where, SoftCoulombLda1D.correlationPotential(n), Double.parseDouble(f[4]),
                    Double.MIN_NORMAL);
            rows++;
        }
        assertTrue(rows >= 10);
        epsX.assertWithinTolerance();
        vX.assertWithinTolerance();
        epsC.assertWithinTolerance();
        vC.assertWithinTolerance();
    }

    // ---------------------------------------------------------------- kernel contract

    @Test
    void exchangePlusCorrelationIsTheSumOfTheParts() {
        for (double n : new double[] {1e-7, 0.02, 0.5, 0.7, 3.0, 30.0}) {
            double e = exchange.energyDensity(n) + correlation.energyDensity(n);
            double v = exchange.potential(n) + correlation.potential(n);
            assertEquals(e, both.energyDensity(n), 1e-15 * Math.abs(e));
            assertEquals(v, both.potential(n), 1e-15 * Math.abs(v));
        }
        assertEquals("LDA_XC_1D_SOFT_COULOMB", both.name());
        assertEquals("LDA_X_1D_SOFT", exchange.name());
        assertEquals("LDA_C_1D_CSC", correlation.name());
    }

    @Test
    void inputDomainZerosAndThreshold() {
        double[] n = {1.0, -1e-3, Double.NaN, 0.5, -2.0};
        double[] e = new double[n.length];
        double[] v = new double[n.length];
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> both.evaluate(n, e, v));
        assertTrue(ex.getMessage().contains(both.name()) && ex.getMessage().contains("3 of 5"), ex.getMessage());
        assertEquals(0.0, e[0], "nothing is written when the input is rejected");
        assertThrows(IllegalArgumentException.class, () -> both.evaluatePoint(-1.0, e, v, 0));
        assertThrows(IllegalArgumentException.class, () -> both.evaluate(new double[3], new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new SoftCoulombLda1D(SoftCoulombLda1D.Part.EXCHANGE, -1.0));

        double[] zeros = {0.0, 1e-9};
        double[] ez = {7.0, 7.0};
        double[] vz = {7.0, 7.0};
        new SoftCoulombLda1D(SoftCoulombLda1D.Part.EXCHANGE_CORRELATION, 1e-8).evaluate(zeros, ez, vz);
        assertEquals(0.0, ez[0]);
        assertEquals(0.0, vz[0]);
        assertEquals(0.0, ez[1], "below the threshold");
        assertEquals(0.0, vz[1], "below the threshold");
        // no screening by default: the tiniest densities give tiny, finite, negative values
        for (double tiny : new double[] {Double.MIN_VALUE, 1e-300, 1e-30}) {
            assertTrue(both.energyDensity(tiny) <= 0.0 && both.potential(tiny) < 0.0, "n = " + tiny);
        }
        for (double huge : new double[] {1e200, Double.MAX_VALUE}) {
            assertTrue(Double.isFinite(both.energyDensity(huge)) && both.potential(huge) == -0.5, "n = " + huge);
        }
    }
}
