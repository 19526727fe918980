package org.ofdft.grids.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Both pure-Java backends against a naive DFT, on sizes with factors 2, 3, 5 and other primes. */
class RealFft3DTest {

    /** The scalar variant of the default backend (its SIMD butterflies switched off). */
    private static final String JAVA_SCALAR = "java-scalar";

    private static FftBackend backend(String name, int threads) {
        return switch (name) {
            case JavaFftBackend.NAME -> new JavaFftBackend(threads);
            case JAVA_SCALAR -> new JavaFftBackend(threads, false);
            default -> new JTransformsBackend(threads);
        };
    }

    /** The test JVM runs with the vector API (surefire's argLine), so the SIMD path is what is tested. */
    @Test
    void simdButterfliesAreActiveInTests() {
        try (JavaFftBackend backend = new JavaFftBackend(1)) {
            assertTrue(backend.simdLanes() >= 2, "vector API not active: lanes " + backend.simdLanes());
        }
        try (JavaFftBackend backend = new JavaFftBackend(1, false)) {
            assertEquals(0, backend.simdLanes());
        }
    }


    static Stream<Arguments> shapes() {
        int[][] shapes = {
            {1, 1, 1}, {1, 1, 2}, {1, 1, 6}, {1, 1, 7}, {1, 1, 10}, {1, 1, 12}, {1, 1, 15}, {1, 1, 18},
            {1, 1, 30}, {1, 1, 97}, {6, 10, 15}, {2, 3, 4}, {5, 4, 6}, {3, 5, 7}, {7, 11, 13}, {8, 8, 8},
            {10, 1, 6}, {1, 9, 5}, {12, 18, 30}, {1, 1, 67}, {1, 1, 134}, {3, 1, 1}, {1, 1, 49}, {10, 15, 8},
            {33, 2, 3}, {1, 1, 61}, {2, 13, 98}, {1, 1, 88},
            // powers of two with three and more radix-4 stages, alone and with 3 and 5 after them
            {1, 1, 64}, {1, 1, 96}, {1, 1, 128}, {1, 1, 256}, {8, 16, 24}, {40, 1, 1}, {1, 32, 3}
        };
        return Stream.of(JavaFftBackend.NAME, JAVA_SCALAR, JTransformsBackend.NAME).flatMap(name -> Stream.of(shapes)
                .flatMap(s -> Stream.of(Arguments.of(name, s[0], s[1], s[2], 1), Arguments.of(name, s[0], s[1], s[2], 2))));
    }

    private static double[] random(int n, long seed) {
        Random random = new Random(seed);
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            f[j] = random.nextDouble() - 0.5;
        }
        return f;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] - b[j]));
        }
        return m;
    }

    /**
     * convolve (fused in the Java backend) = IFFT(scale·K·DFT(f)) with the DFT done naively; {@code out} may be
     * the input array.
     */
    @ParameterizedTest(name = "{0}: {1}x{2}x{3}, {4} threads")
    @MethodSource("shapes")
    void convolutionMatchesTheNaiveRoute(String name, int n1, int n2, int n3, int threads) {
        try (FftBackend backend = backend(name, threads);
             RealFft3D plan = backend.plan(n1, n2, n3)) {
            double[] f = random(n1 * n2 * n3, 5L * n1 + 7L * n2 + n3);
            double[] kernel = random(plan.complexLength() / 2, 99L + n3);
            double scale = -1.7;
            double[] spectrum = NaiveDft.forward(f, n1, n2, n3);
            for (int e = 0; e < kernel.length; e++) {
                spectrum[2 * e] *= scale * kernel[e];
                spectrum[2 * e + 1] *= scale * kernel[e];
            }
            double[] expected = new double[f.length];
            plan.inverse(spectrum, expected);

            double[] out = new double[f.length];
            double[] scratch = new double[plan.complexLength()];
            double[] input = f.clone();
            plan.convolve(f, kernel, scale, out, scratch);
            assertArrayEquals(input, f, "convolve must not modify its input");
            double tolerance = 1e-13 * Math.max(1.0, maxAbs(expected)) * Math.log(n1 * n2 * n3 + 2.0);
            assertTrue(maxDiff(expected, out) <= tolerance, "convolution differs by " + maxDiff(expected, out));
            plan.convolve(input, kernel, scale, input, scratch);
            assertTrue(maxDiff(expected, input) <= tolerance, "in place: " + maxDiff(expected, input));
            assertThrows(IllegalArgumentException.class,
                    () -> plan.convolve(f, new double[kernel.length + 1], 1.0, out, scratch));
        }
    }

    @ParameterizedTest(name = "{0}: {1}x{2}x{3}, {4} threads")
    @MethodSource("shapes")
    void forwardMatchesNaiveDftAndRoundTrips(String name, int n1, int n2, int n3, int threads) {
        try (FftBackend backend = backend(name, threads);
             RealFft3D plan = backend.plan(n1, n2, n3)) {
            double[] f = random(n1 * n2 * n3, 17L * n1 + 31L * n2 + n3);
            double[] fCopy = f.clone();
            double[] spectrum = new double[plan.complexLength()];
            plan.forward(f, spectrum);
            assertArrayEquals(fCopy, f, "forward must not modify its input");

            double[] expected = NaiveDft.forward(f, n1, n2, n3);
            double scale = Math.max(1.0, maxAbs(expected));
            assertTrue(maxDiff(expected, spectrum) <= 1e-12 * scale * Math.log(n1 * n2 * n3 + 1.0) + 1e-13,
                    "forward differs from the naive DFT by " + maxDiff(expected, spectrum));

            double[] spectrumCopy = spectrum.clone();
            double[] back = new double[f.length];
            plan.inverse(spectrum, back);
            assertArrayEquals(spectrumCopy, spectrum, "inverse must not modify its input");
            assertTrue(maxDiff(f, back) <= 1e-14 * Math.log(n1 * n2 * n3 + 2.0) + 1e-15,
                    "round trip error " + maxDiff(f, back));
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {JavaFftBackend.NAME, JAVA_SCALAR, JTransformsBackend.NAME})
    void parsevalHolds(String name) {
        int n1 = 6, n2 = 10, n3 = 15;
        try (FftBackend backend = backend(name, 2);
             RealFft3D plan = backend.plan(n1, n2, n3)) {
            double[] f = random(n1 * n2 * n3, 5);
            double[] spectrum = new double[plan.complexLength()];
            plan.forward(f, spectrum);
            int h3 = n3 / 2 + 1;
            double spectral = 0;
            for (int e = 0; e < spectrum.length / 2; e++) {
                int k3 = e % h3;
                double weight = (k3 == 0 || 2 * k3 == n3) ? 1 : 2;
                spectral += weight * (spectrum[2 * e] * spectrum[2 * e] + spectrum[2 * e + 1] * spectrum[2 * e + 1]);
            }
            double real = 0;
            for (double v : f) {
                real += v * v;
            }
            assertEquals(n1 * n2 * n3 * real, spectral, 1e-12 * spectral);
        }
    }

    @Test
    void secondPlanOfSameBackendIsIndependent() {
        try (FftBackend backend = new JTransformsBackend(2);
             RealFft3D a = backend.plan(4, 6, 8);
             RealFft3D b = backend.plan(5, 3, 9)) {
            double[] fa = random(4 * 6 * 8, 1);
            double[] fb = random(5 * 3 * 9, 2);
            double[] sa = new double[a.complexLength()];
            double[] sb = new double[b.complexLength()];
            a.forward(fa, sa);
            b.forward(fb, sb);
            assertTrue(maxDiff(NaiveDft.forward(fb, 5, 3, 9), sb) < 1e-12);
            assertTrue(maxDiff(NaiveDft.forward(fa, 4, 6, 8), sa) < 1e-12);
        }
    }

    @Test
    void badShapesAndArraysAreRejected() {
        try (FftBackend backend = new JTransformsBackend(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.plan(0, 4, 4));
            assertTrue(e.getMessage().contains("positive"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> backend.plan(4, -1, 4));
            try (RealFft3D plan = backend.plan(2, 2, 2)) {
                IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                        () -> plan.forward(new double[7], new double[plan.complexLength()]));
                assertTrue(wrong.getMessage().contains("7"), wrong.getMessage());
            }
        }
    }

    @Test
    void backendSelection() {
        for (String name : new String[] {"java", "jtransforms"}) {
            FftBackends.Selection selection = FftBackends.select(name, 1);
            try (FftBackend backend = selection.backend()) {
                assertEquals(name, backend.name());
                assertFalse(selection.fellBack());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FftBackends.select("no-such-fft", 1));
        assertTrue(e.getMessage().contains("java, jtransforms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FftBackends.select("jtransforms", 0));
    }
}
