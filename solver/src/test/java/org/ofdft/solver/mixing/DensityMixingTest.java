package org.ofdft.solver.mixing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Linear and Pulay mixing on a linear model of an SCF map, n_out = F(n_in) = M n_in + b, with M symmetric,
 * eigenvalues in [−0.8, 0.97] (a response that makes simple mixing slow): the fixed point solves
 * (I − M) n = b. For linear maps Pulay/Anderson mixing is equivalent to GMRES (Walker and Ni 2011), so it
 * converges in far fewer steps than linear mixing.
 */
class DensityMixingTest {

    private static final int N = 40;
    private static final double WEIGHT = 0.1;

    /** A random symmetric M = Q diag(μ) Qᵀ with μ spread over [−0.8, 0.97], and b. */
    private static final class LinearMap {
        final double[][] m = new double[N][N];
        final double[] b = new double[N];

        LinearMap(long seed) {
            Random random = new Random(seed);
            double[][] q = new double[N][N];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    q[i][j] = random.nextGaussian();
                }
            }
            // Gram–Schmidt on the rows of q.
            for (int i = 0; i < N; i++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < N; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < N; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
                double norm = 0;
                for (int j = 0; j < N; j++) {
                    norm += q[i][j] * q[i][j];
                }
                for (int j = 0; j < N; j++) {
                    q[i][j] /= Math.sqrt(norm);
                }
            }
            for (int k = 0; k < N; k++) {
                double mu = -0.8 + 1.77 * k / (N - 1);
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < N; j++) {
                        m[i][j] += mu * q[k][i] * q[k][j];
                    }
                }
            }
            for (int i = 0; i < N; i++) {
                b[i] = 1 + random.nextDouble();
            }
        }

        void apply(double[] in, double[] out) {
            for (int i = 0; i < N; i++) {
                double s = b[i];
                for (int j = 0; j < N; j++) {
                    s += m[i][j] * in[j];
                }
                out[i] = s;
            }
        }
    }

    /** Iterations until ∫|n_out − n_in| &lt; tolerance, or −1. */
    private static int iterate(DensityMixer mixer, LinearMap map, double tolerance, int limit, double[] solution) {
        double[] in = new double[N];
        double[] out = new double[N];
        mixer.reset();
        for (int iteration = 1; iteration <= limit; iteration++) {
            map.apply(in, out);
            if (DensityMixer.residualL1(in, out, WEIGHT) < tolerance) {
                System.arraycopy(in, 0, solution, 0, N);
                return iteration;
            }
            mixer.mix(in, out, in);
        }
        return -1;
    }

    @Test
    void pulayConvergesFarFasterThanLinearToTheSameFixedPoint() {
        LinearMap map = new LinearMap(1);
        double[] linearSolution = new double[N];
        double[] pulaySolution = new double[N];
        int linear = iterate(new LinearMixing(0.5), map, 1e-10, 5000, linearSolution);
        int pulay = iterate(new PulayMixing(10, 0.5, WEIGHT), map, 1e-10, 5000, pulaySolution);
        int full = iterate(new PulayMixing(N, 0.5, WEIGHT), map, 1e-10, 5000, new double[N]);
        assertTrue(linear > 0 && pulay > 0, "linear " + linear + ", pulay " + pulay);
        // Slowest mode of linear mixing: |1 − α(1 − μ_max)| = 0.985 per step → measured 1561 steps.
        // Pulay with history 10: 108; with history N, like full GMRES, exact after N + 1 = 41 steps (measured).
        assertTrue(linear > 1000, "linear mixing took " + linear);
        assertTrue(pulay < linear / 10, "Pulay mixing took " + pulay);
        assertTrue(full <= N + 2, "Pulay mixing with full history took " + full);
        // Residual 1e-10 in the weighted L1 norm, (I − M)⁻¹ of norm 1/0.03: solutions agree to ~1e-8.
        assertArrayEquals(linearSolution, pulaySolution, 1e-7);
        // The fixed point: n = M n + b.
        double[] check = new double[N];
        map.apply(pulaySolution, check);
        assertArrayEquals(pulaySolution, check, 1e-9);
    }

    @Test
    void linearMixingStep() {
        double[] in = {1, 2, 3};
        double[] out = {2, 0, 3};
        double[] next = new double[3];
        new LinearMixing(0.25).mix(in, out, next);
        assertArrayEquals(new double[] {1.25, 1.5, 3}, next, 0);
        assertThrows(IllegalArgumentException.class, () -> new LinearMixing(0));
    }

    @Test
    void pulayFirstStepIsLinearAndHistoryIsBounded() {
        LinearMap map = new LinearMap(2);
        PulayMixing pulay = new PulayMixing(3, 0.4, WEIGHT);
        double[] in = new double[N];
        double[] out = new double[N];
        map.apply(in, out);
        double[] expected = new double[N];
        new LinearMixing(0.4).mix(in, out, expected);
        double[] next = new double[N];
        pulay.mix(in, out, next);
        assertArrayEquals(expected, next, 0);
        assertEquals(0, pulay.stored());
        for (int i = 0; i < 6; i++) {
            System.arraycopy(next, 0, in, 0, N);
            map.apply(in, out);
            pulay.mix(in, out, next);
        }
        assertEquals(3, pulay.stored());
        pulay.reset();
        assertEquals(0, pulay.stored());
        assertThrows(IllegalArgumentException.class, () -> new PulayMixing(0, 0.5, 1));
    }

    @Test
    void mixingConservesTheIntegral() {
        // Inputs and outputs with the same integral give next inputs with that integral (Σ γ, Δn sums 0).
        LinearMap map = new LinearMap(3);
        PulayMixing pulay = new PulayMixing(5, 0.7, WEIGHT);
        double[] in = new double[N];
        double[] out = new double[N];
        java.util.Arrays.fill(in, 1.0);
        for (int iteration = 0; iteration < 8; iteration++) {
            map.apply(in, out);
            double scale = sum(in) / sum(out);
            for (int j = 0; j < N; j++) {
                out[j] *= scale;
            }
            pulay.mix(in, out, in);
            assertEquals(N, sum(in), 1e-10);
        }
    }

    @Test
    void repeatedIdenticalIterationsDoNotBreakPulay() {
        // ΔR = 0 (no new information) and a stalled history must not produce NaN.
        PulayMixing pulay = new PulayMixing(4, 0.5, WEIGHT);
        double[] in = {1, 1, 1};
        double[] out = {2, 0, 1};
        double[] next = new double[3];
        for (int i = 0; i < 5; i++) {
            pulay.mix(in, out, next);
            for (double v : next) {
                assertTrue(Double.isFinite(v));
            }
        }
        assertArrayEquals(new double[] {1.5, 0.5, 1}, next, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> pulay.mix(new double[4], new double[4], new double[4]));
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
