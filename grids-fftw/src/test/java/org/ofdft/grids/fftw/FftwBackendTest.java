package org.ofdft.grids.fftw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.grids.fft.JTransformsBackend;
import org.ofdft.grids.fft.RealFft3D;

class FftwBackendTest {

    private static final double TOLERANCE = 1e-12;

    private static FftBackend fftw;
    private static FftBackend reference;

    @BeforeAll
    static void createBackends() {
        fftw = new FftwBackendProvider().create(2);
        reference = new JTransformsBackend(1);
    }

    @AfterAll
    static void closeBackends() {
        fftw.close();
        reference.close();
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({
        "6, 10, 15", "7, 11, 13", "1, 1, 97", "1, 1, 44", "44, 44, 44", "16, 16, 16", "98, 98, 98",
        "1, 1, 1", "1, 1, 2", "2, 1, 1", "3, 5, 1", "1, 17, 2", "5, 1, 9", "13, 4, 8"
    })
    void matchesJTransforms(int n1, int n2, int n3) {
        try (RealFft3D plan = fftw.plan(n1, n2, n3); RealFft3D ref = reference.plan(n1, n2, n3)) {
            assertEquals("fftw", plan.backendName());
            double[] real = random(plan.realLength(), 31L * n1 + 7L * n2 + n3);
            double[] spectrum = new double[plan.complexLength()];
            double[] expected = new double[ref.complexLength()];
            plan.forward(real, spectrum);
            ref.forward(real, expected);
            assertClose(expected, spectrum, "forward");

            double[] back = new double[plan.realLength()];
            double[] expectedBack = new double[ref.realLength()];
            plan.inverse(spectrum, back);
            ref.inverse(spectrum, expectedBack);
            assertClose(expectedBack, back, "inverse");
            assertClose(real, back, "round trip");
        }
    }

    @Test
    void roundTripIsIdentityAndPlansAreReusable() {
        try (RealFft3D plan = fftw.plan(12, 9, 20)) {
            double[] spectrum = new double[plan.complexLength()];
            double[] back = new double[plan.realLength()];
            for (int repeat = 0; repeat < 3; repeat++) {
                double[] real = random(plan.realLength(), repeat);
                plan.forward(real, spectrum);
                plan.inverse(spectrum, back);
                assertClose(real, back, "round trip " + repeat);
            }
        }
    }

    @Test
    void bufferViewSeamsDoNotMatter() {
        // 13x11x17: 2431 reals, 2574 spectrum doubles; views of 1000 (and 7) doubles split both
        // arrays at unaligned places, and blocks of the scaled copy-out cross the seams.
        for (int chunk : new int[] {1000, 7}) {
            try (RealFft3D chunked = new FftwRealFft3D(13, 11, 17, 1, chunk);
                 RealFft3D ref = reference.plan(13, 11, 17)) {
                double[] real = random(chunked.realLength(), chunk);
                double[] spectrum = new double[chunked.complexLength()];
                double[] expected = new double[ref.complexLength()];
                chunked.forward(real, spectrum);
                ref.forward(real, expected);
                assertClose(expected, spectrum, "forward, chunk " + chunk);
                double[] back = new double[chunked.realLength()];
                chunked.inverse(spectrum, back);
                assertClose(real, back, "round trip, chunk " + chunk);
            }
        }
    }

    /** The native-memory convolve equals JTransforms' forward, product, inverse, also across view seams. */
    @Test
    void convolutionInNativeMemoryMatchesTheSeparateSteps() {
        for (int chunk : new int[] {FftwRealFft3D.CHUNK, 1000, 7}) {
            try (RealFft3D plan = new FftwRealFft3D(13, 11, 17, 1, chunk);
                 RealFft3D ref = reference.plan(13, 11, 17)) {
                double[] real = random(plan.realLength(), 3);
                double[] kernel = random(plan.complexLength() / 2, 4);
                double[] expected = new double[ref.realLength()];
                ref.convolve(real, kernel, 0.6, expected, new double[ref.complexLength()]);
                double[] out = new double[plan.realLength()];
                plan.convolve(real, kernel, 0.6, out, new double[plan.complexLength()]);
                assertClose(expected, out, "convolve, chunk " + chunk);
            }
        }
    }

    @Test
    void forwardOfConstantIsDcOnly() {
        try (RealFft3D plan = fftw.plan(3, 4, 5)) {
            double[] real = new double[plan.realLength()];
            java.util.Arrays.fill(real, 2.0);
            double[] spectrum = new double[plan.complexLength()];
            plan.forward(real, spectrum);
            assertEquals(2.0 * 60, spectrum[0], 1e-12);
            for (int i = 1; i < spectrum.length; i++) {
                assertEquals(0.0, spectrum[i], 1e-12);
            }
        }
    }

    @Test
    void transformsLeaveTheirInputUnchanged() {
        try (RealFft3D plan = fftw.plan(8, 6, 10)) {
            double[] real = random(plan.realLength(), 5);
            double[] realCopy = real.clone();
            double[] spectrum = new double[plan.complexLength()];
            plan.forward(real, spectrum);
            assertArrayEquals(realCopy, real, 0.0);
            double[] spectrumCopy = spectrum.clone();
            plan.inverse(spectrum, new double[plan.realLength()]);
            assertArrayEquals(spectrumCopy, spectrum, 0.0);
        }
    }

    @Test
    void selectionFindsFftwWithoutFallback() {
        FftBackends.Info info = FftBackends.list().stream()
                .filter(i -> i.name().equals("fftw")).findFirst().orElseThrow();
        assertTrue(info.available(), () -> "unavailable: " + info.unavailableReason());
        assertTrue(info.licence().contains("GPL-2.0-or-later"));
        assertTrue(info.licence().contains("Apache-2.0"));
        assertNull(new FftwBackendProvider().unavailableReason());

        FftBackends.Selection selection = FftBackends.select("fftw", 2);
        try (FftBackend backend = selection.backend()) {
            assertFalse(selection.fellBack(), selection.fallbackWarning());
            assertEquals("fftw", backend.name());
            assertTrue(backend instanceof FftwBackend);
            assertEquals(2, backend.threads(), "FFTW threads should be available in the presets");
            assertTrue(((FftwBackend) backend).libraryVersion().startsWith("fftw-3.3.10"));
        }
    }

    @Test
    void rejectsBadShapesLengthsAndUseAfterClose() {
        assertThrows(IllegalArgumentException.class, () -> fftw.plan(0, 4, 4));
        RealFft3D plan = fftw.plan(4, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> plan.forward(new double[63], new double[96]));
        assertThrows(IllegalArgumentException.class, () -> plan.inverse(new double[95], new double[64]));
        plan.close();
        plan.close();
        assertThrows(IllegalStateException.class, () -> plan.forward(new double[64], new double[96]));
        FftBackend closed = new FftwBackend(1);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.plan(2, 2, 2));
    }

    @Test
    void plansFromSeveralThreadsAtOnce() throws InterruptedException {
        Thread[] workers = new Thread[4];
        Throwable[] failures = new Throwable[workers.length];
        for (int w = 0; w < workers.length; w++) {
            final int id = w;
            workers[w] = new Thread(() -> {
                try {
                    for (int k = 0; k < 5; k++) {
                        int n = 5 + id + k;
                        try (RealFft3D plan = fftw.plan(n, n + 1, n + 2)) {
                            double[] real = random(plan.realLength(), id * 100L + k);
                            double[] spectrum = new double[plan.complexLength()];
                            double[] back = new double[plan.realLength()];
                            plan.forward(real, spectrum);
                            plan.inverse(spectrum, back);
                            assertClose(real, back, "thread " + id);
                        }
                    }
                } catch (Throwable t) {
                    failures[id] = t;
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }
    }

    private static double[] random(int length, long seed) {
        Random random = new Random(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble() - 0.5;
        }
        return values;
    }

    /** max |a − b| / max |a| ≤ TOLERANCE. */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double maxDiff = 0.0;
        double maxValue = 0.0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            maxValue = Math.max(maxValue, Math.abs(expected[i]));
        }
        double relative = maxValue == 0.0 ? maxDiff : maxDiff / maxValue;
        assertTrue(relative <= TOLERANCE, what + ": relative difference " + relative);
    }
}
