package org.ofdft.grids.fft;

import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Pure-Java FFT backend built on JTransforms' 1D transforms (mixed radix 2·3·4·5, Bluestein for
 * other factors), applied along the three axes by {@link JTransformsRealFft3D}.
 */
public final class JTransformsBackend implements FftBackend {

    public static final String NAME = "jtransforms";
    public static final String LICENCE = "BSD-2-Clause (JTransforms 3.1)";

    private final ParallelRange parallel;

    public JTransformsBackend(int threads) {
        // Parallelism is ours, over lines of the 3D array. JTransforms' own pool would only engage
        // for 1D lengths ≥ 8192, oversubscribe the cores and, being non-daemon, keep the JVM alive
        // for a minute after main returns; pinning its global thread count to 1 prevents both.
        ConcurrencyUtils.setNumberOfThreads(1);
        this.parallel = new ParallelRange(threads, "fft-jtransforms");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParallelRange parallel() {
        return parallel;
    }

    @Override
    public int threads() {
        return parallel.threads();
    }

    @Override
    public RealFft3D plan(int n1, int n2, int n3) {
        FftBackend.checkShape(n1, n2, n3);
        return new JTransformsRealFft3D(n1, n2, n3, parallel);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
