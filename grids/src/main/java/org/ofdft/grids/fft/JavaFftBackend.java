package org.ofdft.grids.fft;

/**
 * The default pure-Java backend: batched Stockham transforms ({@link StockhamRealFft3D}) with
 * hand-written radix-2/3/4/5 butterflies — SIMD through the JDK vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, scalar otherwise — and JTransforms' Bluestein transform
 * for axes with a prime factor above 64.
 */
public final class JavaFftBackend implements FftBackend {

    public static final String NAME = "java";
    public static final String LICENCE = "this project's code; JTransforms 3.1 (BSD-2-Clause) for large primes";

    private final ParallelRange parallel;
    private final boolean vectorize;

    /** A backend that uses SIMD butterflies when the vector API is available. */
    public JavaFftBackend(int threads) {
        this(threads, true);
    }

    /**
     * @param vectorize whether to use the SIMD butterflies (jdk.incubator.vector) when the JVM provides
     *                  them; false forces the scalar ones
     */
    public JavaFftBackend(int threads, boolean vectorize) {
        this.vectorize = vectorize && BatchedComplexFft.vectorApiAvailable();
        // JTransforms (used for large prime factors) must not start its own non-daemon pool.
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        this.parallel = new ParallelRange(threads, "fft-java");
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
        return new StockhamRealFft3D(n1, n2, n3, parallel, vectorize);
    }

    /** SIMD lanes of the butterflies (0 when scalar). */
    public int simdLanes() {
        return vectorize ? VectorButterflies.lanes() : 0;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
