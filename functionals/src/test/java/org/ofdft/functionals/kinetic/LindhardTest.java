package org.ofdft.functionals.kinetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Lindhard function: limits, closed-form values, the reflection identity F(η) + F(1/η) = 1, continuity
 * where the evaluation switches between series and closed form, the large-η series against DFTpy's
 * coefficients, and the derivative used for ∂K/∂n₀.
 */
class LindhardTest {

    private static final double LN2 = 0.6931471805599453;
    private static final double LN3 = 1.0986122886681098;

    @Test
    void limitsAtZeroAndOne() {
        assertEquals(1.0, Lindhard.f(0.0), 0.0);
        assertEquals(1.0, Lindhard.inverse(0.0), 0.0);
        assertEquals(0.0, Lindhard.wangTeterResponse(0.0), 0.0);
        assertEquals(0.5, Lindhard.f(1.0), 0.0);
        assertEquals(2.0, Lindhard.inverse(1.0), 0.0);
        assertEquals(-2.0, Lindhard.wangTeterResponse(1.0), 0.0);
        // Approaching η = 1 the closed form tends to 1/2; its correction is (1−η)/2·ln(2/|1−η|) ~ 1e-9 here.
        double near = 1 + 1e-10;
        assertEquals(0.5, Lindhard.f(near), 1e-8);
        assertEquals(0.5, Lindhard.f(2 - near), 1e-8);
    }

    @Test
    void smallEtaSeries() {
        // F = 1 − η²/3 − η⁴/15 − η⁶/35 − …: at η = 1e-3 the omitted η⁶/35 is ~3e-20.
        double eta = 1e-3;
        assertEquals(1 - eta * eta / 3 - Math.pow(eta, 4) / 15, Lindhard.f(eta), 1e-18);
        // L = 1/F − 3η² − 1 = −(8/3)η² + O(η⁴): relative accuracy without cancellation even at η = 1e-8.
        double tiny = 1e-8;
        assertEquals(-8.0 / 3.0 * tiny * tiny, Lindhard.wangTeterResponse(tiny), 1e-14 * tiny * tiny);
    }

    @Test
    void largeEtaLimits() {
        // F = S(1/η) = y²/3 + y⁴/15 + O(y⁶), y = 1/η; 1/F − 3η² → −3/5, L → −8/5.
        double eta = 1e4;
        double y2 = 1 / (eta * eta);
        assertEquals(y2 / 3 + y2 * y2 / 15, Lindhard.f(eta), 1e-15 * y2 / 3);
        assertEquals(-1.6, Lindhard.wangTeterResponse(eta), 1e-8);
        assertEquals(-1.6, Lindhard.wangTeterResponse(1e12), 1e-15);
    }

    @Test
    void closedFormValuesThroughLogarithmsOfTwoAndThree() {
        // F(1/2) = 1/2 + (3/8) ln 3, F(2) = 1/2 − (3/8) ln 3, F(3) = 1/2 − (2/3) ln 2, F(1/3) = 1/2 + (2/3) ln 2,
        // F(5) = 1/2 − (6/5) ln(3/2), F(1/5) = 1/2 + (6/5) ln(3/2) (the last pair on the series branches).
        assertEquals(0.5 + 0.375 * LN3, Lindhard.f(0.5), 2e-16);
        assertEquals(0.5 - 0.375 * LN3, Lindhard.f(2.0), 2e-16);
        assertEquals(0.5 - 2.0 / 3.0 * LN2, Lindhard.f(3.0), 2e-16);
        assertEquals(0.5 + 2.0 / 3.0 * LN2, Lindhard.f(1.0 / 3.0), 2e-16);
        assertEquals(0.5 - 1.2 * (LN3 - LN2), Lindhard.f(5.0), 4e-16);
        assertEquals(0.5 + 1.2 * (LN3 - LN2), Lindhard.f(0.2), 4e-16);
        assertEquals(1.0 / Lindhard.f(2.0) - 12 - 1, Lindhard.wangTeterResponse(2.0), 1e-14);
    }

    @Test
    void reflectionIdentityAcrossAllBranches() {
        // F(η) = 1 − S(η) for η < 1 and F(1/η) = S(η): F(η) + F(1/η) = 1 exactly. η ≤ 0.1 pairs the small
        // series with the large one, 0.274 < η < 1 pairs the closed form with itself or with the large series.
        for (double eta = 0.001; eta < 1; eta *= 1.07) {
            assertEquals(1.0, Lindhard.f(eta) + Lindhard.f(1 / eta), 4e-16, "eta = " + eta);
        }
    }

    @Test
    void continuousWhereTheEvaluationSwitches() {
        for (double edge : new double[] {Lindhard.SMALL, Lindhard.LARGE}) {
            double below = Math.nextDown(edge);
            double above = Math.nextUp(edge);
            // One ulp apart in η, F changes by ~|F'|·ulp; the branches must agree to the closed form's rounding.
            // At 3.65 it computes F = 0.5 − 0.475 = 0.025: a few ulps of 0.5 (~3e-16) absolute, 1.3e-14
            // relative, which 1/F ≈ 40 turns into ~5e-13 absolute in L = 1/F − 3η² − 1.
            assertEquals(Lindhard.f(below), Lindhard.f(above), 4e-16, "F at " + edge);
            assertEquals(Lindhard.wangTeterResponse(below), Lindhard.wangTeterResponse(above), 6e-13,
                    "L at " + edge);
            assertEquals(Lindhard.wangTeterResponseLogDerivative(below),
                    Lindhard.wangTeterResponseLogDerivative(above), 2e-12, "eta L' at " + edge);
        }
    }

    @Test
    void largeEtaSeriesHasDftpyCoefficients() {
        // dftpy/functional/kedf/kernel.py, lindhard_large: 1/F − 3η² = −0.6 + Σ c_i η^{−2i}.
        double[] dftpy = {-0.6, -0.13714285714285712, -6.39999999999999875e-2, -3.77825602968460128e-2,
            -2.51824061652633074e-2, -1.80879839616166146e-2, -1.36715733124818332e-2, -1.07236045520990083e-2,
            -8.65192783339199453e-3, -7.1372762502456763e-3, -5.9945117538835746e-3, -5.10997527675418131e-3,
            -4.41060829979912465e-3, -3.84763737842981233e-3, -3.38745061493813488e-3, -3.00624946457977689e-3};
        double[] ours = Lindhard.largeEtaCoefficients();
        // Exact rationals: −3/5, −24/175, −8/125, −12728/336875 (DFTpy's docstring).
        assertEquals(-24.0 / 175.0, ours[1], 1e-16);
        assertEquals(-8.0 / 125.0, ours[2], 1e-16);
        assertEquals(-12728.0 / 336875.0, ours[3], 1e-16);
        for (int i = 0; i < dftpy.length; i++) {
            assertEquals(dftpy[i], ours[i], 1e-15 * Math.abs(dftpy[i]), "coefficient " + i);
        }
    }

    @Test
    void responseWithTfAndVwWeights() {
        // DFTpy's LindhardFunction(η, λ, μ) = 1/F − 3μη² − λ.
        for (double eta : new double[] {0.05, 0.4, 1.0, 1.7, 6.0}) {
            double expected = Lindhard.inverse(eta) - 3 * 0.2 * eta * eta - (-0.6);
            assertEquals(expected, Lindhard.response(eta, -0.6, 0.2), 1e-13 * Math.max(1, Math.abs(expected)));
        }
    }

    @Test
    void logDerivativeIsTheDerivative() {
        // Central difference with step h = 1e-4·η: truncation (h²/6)·L''' is ~1e-9 relative away from the
        // logarithmic singularity at η = 1 (the points stay ≥ 0.2 away), rounding 1e-16/1e-4 = 1e-12.
        for (double eta : new double[] {0.03, 0.09, 0.2, 0.5, 0.8, 1.3, 2.5, 3.6, 3.7, 8.0, 40.0}) {
            double h = 1e-4 * eta;
            double numeric = eta * (Lindhard.wangTeterResponse(eta + h) - Lindhard.wangTeterResponse(eta - h)) / (2 * h);
            double analytic = Lindhard.wangTeterResponseLogDerivative(eta);
            assertTrue(Math.abs(numeric - analytic) <= 1e-7 * Math.max(Math.abs(analytic), 1e-3 * eta * eta),
                    "eta = " + eta + ": numeric " + numeric + " vs " + analytic);
        }
    }

    @Test
    void fermiWaveVector() {
        double n = 3.0 / 112.07317622001766; // fcc Al, 3 electrons per primitive cell
        double kf = Lindhard.fermiWaveVector(n);
        assertEquals(3 * Math.PI * Math.PI * n, kf * kf * kf, 1e-15);
    }
}
