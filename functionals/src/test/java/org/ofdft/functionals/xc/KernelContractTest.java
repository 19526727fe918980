package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Input domain, screening below the density threshold, array shapes and allocation-free evaluation. */
class KernelContractTest {

    private static List<LdaKernel> ldaKernels() {
        return List.of(new SlaterExchange(), Pw92Correlation.original(), Pw92Correlation.modified(),
                new Pz81Correlation(), new ExponentialLda1D());
    }

    private static List<GgaKernel> ggaKernels() {
        return List.of(new PbeExchange(), new PbeCorrelation());
    }

    @Test
    void negativeOrNanDensityIsRejectedWithKernelNameAndCount() {
        double[] n = {1.0, -1e-3, Double.NaN, 0.5, -2.0};
        for (LdaKernel kernel : ldaKernels()) {
            double[] e = new double[n.length];
            double[] v = new double[n.length];
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> kernel.evaluate(n, e, v));
            assertTrue(ex.getMessage().contains(kernel.name()), ex.getMessage());
            assertTrue(ex.getMessage().contains("3 of 5"), ex.getMessage());
            assertEquals(0.0, e[0], "nothing is written when the input is rejected");
            assertThrows(IllegalArgumentException.class, () -> kernel.evaluatePoint(-1.0, e, v, 0));
        }
        double[] sigma = {0.1, 0.1, 0.1, 0.1, 0.1};
        for (GgaKernel kernel : ggaKernels()) {
            double[] e = new double[n.length];
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> kernel.evaluate(n, sigma, e, new double[n.length], new double[n.length]));
            assertTrue(ex.getMessage().contains(kernel.name()) && ex.getMessage().contains("3 of 5"),
                    ex.getMessage());
        }
    }

    @Test
    void negativeOrNanSigmaIsRejected() {
        double[] n = {1.0, 1.0, 1.0};
        double[] sigma = {0.0, -1e-12, Double.NaN};
        for (GgaKernel kernel : ggaKernels()) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> kernel.evaluate(n, sigma, new double[3], new double[3], new double[3]));
            assertTrue(ex.getMessage().contains(kernel.name()) && ex.getMessage().contains("2 of 3"),
                    ex.getMessage());
        }
    }

    @Test
    void mismatchedArrayLengthsAreRejected() {
        for (LdaKernel kernel : ldaKernels()) {
            assertThrows(IllegalArgumentException.class,
                    () -> kernel.evaluate(new double[4], new double[4], new double[3]));
        }
        for (GgaKernel kernel : ggaKernels()) {
            assertThrows(IllegalArgumentException.class,
                    () -> kernel.evaluate(new double[4], new double[3], new double[4], new double[4], new double[4]));
        }
    }

    @Test
    void densitiesBelowTheThresholdGiveZeros() {
        for (LdaKernel kernel : ldaKernels()) {
            double below = kernel.densityThreshold() > 0.0 ? 0.5 * kernel.densityThreshold() : 0.0;
            double[] n = {0.0, below};
            double[] e = {7.0, 7.0};
            double[] v = {7.0, 7.0};
            kernel.evaluate(n, e, v);
            for (int i = 0; i < n.length; i++) {
                assertEquals(0.0, e[i], kernel.name());
                assertEquals(0.0, v[i], kernel.name());
            }
        }
        for (GgaKernel kernel : ggaKernels()) {
            double[] n = {0.0, 0.5 * kernel.densityThreshold()};
            double[] sigma = {0.0, 1.0};
            double[] e = {7.0, 7.0};
            double[] vrho = {7.0, 7.0};
            double[] vsigma = {7.0, 7.0};
            kernel.evaluate(n, sigma, e, vrho, vsigma);
            for (int i = 0; i < n.length; i++) {
                assertEquals(0.0, e[i], kernel.name());
                assertEquals(0.0, vrho[i], kernel.name());
                assertEquals(0.0, vsigma[i], kernel.name());
            }
        }
    }

    @Test
    void exchangeIsScreenedPerSpinChannelAsInLibxc() {
        // libxc drops a spin channel with n/2 ≤ dens_threshold: n = 1.5 thr passes the total-density test
        // but not the per-channel one
        SlaterExchange lda = new SlaterExchange(1e-10);
        assertEquals(0.0, lda.energyDensity(1.5e-10));
        assertTrue(lda.energyDensity(2.5e-10) < 0.0);
        PbeExchange gga = new PbeExchange(1e-10);
        assertEquals(0.0, gga.energyDensity(1.5e-10, 0.0));
        assertTrue(gga.energyDensity(2.5e-10, 0.0) < 0.0);
        // correlation has no per-channel screening
        assertTrue(new PbeCorrelation(1e-10).energyDensity(1.5e-10, 0.0) < 0.0);
    }

    @Test
    void pbeReducesToItsLocalPartsAtZeroGradient() {
        double[] densities = {1e-4, 0.3, 7.0};
        for (double n : densities) {
            double lx = new SlaterExchange().energyDensity(n);
            assertEquals(lx, new PbeExchange().energyDensity(n, 0.0), 1e-14 * Math.abs(lx));
            double lc = Pw92Correlation.modified().energyDensity(n);
            assertEquals(lc, new PbeCorrelation().energyDensity(n, 0.0), 1e-14 * Math.abs(lc));
        }
    }

    /**
     * The scalar kernels allocate nothing per point: one block per array call. The SIMD kernels are not
     * checked here: whether C2 removes every vector box depends on its inlining decisions, which depend on
     * what else ran in the JVM, so a unit test of it is flaky; their allocation is measured where their speed
     * is, by JMH's GC profiler in benchmarks/functionals.sh (bytes per evaluation, against 1% of a grid array).
     */
    @Test
    void scalarKernelsAllocateOneBlockPerArrayCall() {
        int points = 20_000;
        double[] n = new double[points];
        for (int i = 0; i < points; i++) {
            n[i] = 1e-4 + 0.001 * i;
        }
        double[] e = new double[points];
        double[] v = new double[points];
        for (LdaKernel kernel : List.of(new ExponentialLda1D(), new SoftCoulombLda1D())) {
            long arrays = AllocationProbe.compiledAllocation(() -> kernel.evaluate(n, e, v), ONE_BLOCK_BYTES);
            assertTrue(arrays < ONE_BLOCK_BYTES, kernel.name() + " allocated " + arrays + " bytes for " + points + " points");
        }
    }

    /** An {@link XcBlock}: thirteen arrays of {@link XcBlock#CAPACITY} doubles and their headers. */
    static final long ONE_BLOCK_BYTES = 13 * (8L * XcBlock.CAPACITY + 32) + 64;
}
