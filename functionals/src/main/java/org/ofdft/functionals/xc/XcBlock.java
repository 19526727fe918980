package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * One block of grid points on its way through the pointwise XC kernels: the inputs (n, and σ = |∇n|² for
 * GGAs), the outputs e = n·ε, vrho = ∂e/∂n and vsigma = ∂e/∂σ, and scratch arrays, all indexed from 0 to
 * {@link #count()}. Kernels work stage by stage over the block (a transcendental function over all points,
 * then the arithmetic, then the next function), so that the functions run as SIMD calls through
 * {@link ArrayMath} and the arithmetic loops vectorize; a block small enough for the
 * L1 cache keeps the stages cheap. One block per worker thread; nothing here is shared.
 */
public final class XcBlock {

    /** Points per block: the block's thirteen arrays take 26 KiB. A multiple of every SIMD width. */
    public static final int CAPACITY = 256;

    final double[] density;
    final double[] sigma;
    final double[] energyDensity;
    final double[] vrho;
    final double[] vsigma;
    /** n^(1/3). */
    final double[] cubeRoot;
    /** Scratch; each kernel documents its use. */
    final double[] work1;
    final double[] work2;
    final double[] work3;
    final double[] work4;
    final double[] work5;
    final double[] work6;
    final double[] work7;
    private final int capacity;
    private int count;

    public XcBlock() {
        this(CAPACITY);
    }

    XcBlock(int capacity) {
        this.capacity = capacity;
        // whole SIMD vectors of up to 64 lanes fit past count (VectorXcKernels)
        int padded = (Math.max(capacity, 1) + 63) / 64 * 64;
        density = new double[padded];
        sigma = new double[padded];
        energyDensity = new double[padded];
        vrho = new double[padded];
        vsigma = new double[padded];
        cubeRoot = new double[padded];
        work1 = new double[padded];
        work2 = new double[padded];
        work3 = new double[padded];
        work4 = new double[padded];
        work5 = new double[padded];
        work6 = new double[padded];
        work7 = new double[padded];
    }

    /** Number of points in the block now. */
    public int count() {
        return count;
    }

    /**
     * Loads n[from, from + count) and, when {@code sigma} is not null, σ over the same range. The caller has
     * checked the domain (n ≥ 0, σ ≥ 0, no NaN): kernels do not check again.
     */
    public void load(double[] n, double[] sigma, int from, int count) {
        if (count < 0 || count > capacity) {
            throw new IllegalArgumentException("block of " + count + " points, capacity " + capacity);
        }
        System.arraycopy(n, from, density, 0, count);
        if (sigma != null) {
            System.arraycopy(sigma, from, this.sigma, 0, count);
        }
        this.count = count;
    }

    /** n of the loaded block, indices 0..count−1 (kernels outside this package read it; do not modify). */
    public double[] density() {
        return density;
    }

    /** σ of the loaded block, for callers that compute it in place (e.g. from ∇n). */
    public double[] sigma() {
        return sigma;
    }

    /** e = n·ε of the last kernel evaluated, indices 0..count−1. */
    public double[] energyDensity() {
        return energyDensity;
    }

    /** ∂e/∂n of the last kernel evaluated. */
    public double[] vrho() {
        return vrho;
    }

    /** ∂e/∂σ of the last GGA kernel evaluated. */
    public double[] vsigma() {
        return vsigma;
    }

    /** Loads one point (n, σ). */
    void loadPoint(double n, double sigma) {
        density[0] = n;
        this.sigma[0] = sigma;
        count = 1;
    }

    /** Sets the outputs of point j to zero (density screening). */
    void screen(int j) {
        energyDensity[j] = 0.0;
        vrho[j] = 0.0;
        vsigma[j] = 0.0;
    }

    /** Zero outputs where n &lt; threshold or n = 0 (libxc's dens_threshold, correlation). */
    void screen(double threshold) {
        if (ArrayMath.min(density, 0, count) > threshold) {
            return;                                          // the usual case: nothing to screen
        }
        for (int j = 0; j < count; j++) {
            if (density[j] < threshold || density[j] == 0.0) {
                screen(j);
            }
        }
    }

    /**
     * Zero outputs where n &lt; threshold or n/2 ≤ threshold: exchange, which libxc evaluates per spin channel
     * and drops for a channel density at or below the threshold.
     */
    void screenPerSpinChannel(double threshold) {
        if (ArrayMath.min(density, 0, count) > 2 * threshold) {
            return;
        }
        for (int j = 0; j < count; j++) {
            if (density[j] < threshold || 0.5 * density[j] <= threshold) {
                screen(j);
            }
        }
    }

    /** Copies the outputs of the block to e, vrho (and vsigma if not null) from index {@code from}. */
    void store(double[] e, double[] vrhoOut, double[] vsigmaOut, int from) {
        System.arraycopy(energyDensity, 0, e, from, count);
        System.arraycopy(vrho, 0, vrhoOut, from, count);
        if (vsigmaOut != null) {
            System.arraycopy(vsigma, 0, vsigmaOut, from, count);
        }
    }
}
