package org.ofdft.functionals.xc;

/**
 * A semilocal (GGA) exchange–correlation kernel, spin-unpolarized, in libxc's variables: the density n and
 * σ = |∇n|². It returns e(n, σ) = n·ε(n, σ) per volume, vrho = ∂e/∂n and vsigma = ∂e/∂σ; the potential is
 * v_xc = vrho − 2∇·(vsigma ∇n).
 *
 * <p>Below {@link #densityThreshold()} a kernel returns zeros (libxc's dens_threshold screening); σ is
 * floored at dens_threshold^(8/3) as libxc does. Negative or NaN n or σ are rejected with an
 * {@link IllegalArgumentException} by the array and point methods; the block method
 * {@link #evaluate(XcBlock)} is the one hot path and trusts its caller.
 */
public interface GgaKernel {

    /** libxc-style label of the functional, e.g. {@code "GGA_X_PBE"}. */
    String name();

    /** Densities n &lt; this value give e = vrho = vsigma = 0. */
    double densityThreshold();

    /**
     * The block's points, allocation-free: e, ∂e/∂n and ∂e/∂σ into the block's outputs. n and σ must already
     * be checked (≥ 0, not NaN).
     */
    void evaluate(XcBlock block);

    /**
     * All points; {@code sigma} and the outputs must have the length of {@code n}. The inputs are checked
     * before anything is written.
     *
     * @throws IllegalArgumentException naming the kernel and the number of points if any n or σ is negative
     *                                  or NaN
     */
    default void evaluate(double[] n, double[] sigma, double[] energyDensity, double[] vrho, double[] vsigma) {
        XcInputs.requireSameLength(name(), n.length, sigma, energyDensity, vrho, vsigma);
        XcInputs.requireDensityDomain(name(), n);
        XcInputs.requireSigmaDomain(name(), sigma);
        XcBlock block = new XcBlock();
        for (int from = 0; from < n.length; from += XcBlock.CAPACITY) {
            block.load(n, sigma, from, Math.min(XcBlock.CAPACITY, n.length - from));
            evaluate(block);
            block.store(energyDensity, vrho, vsigma, from);
        }
    }

    /**
     * One point: stores e, ∂e/∂n and ∂e/∂σ at {@code index} of the three output arrays. Allocates a
     * one-point block; not meant for hot loops.
     *
     * @throws IllegalArgumentException if n or σ is negative or NaN
     */
    default void evaluatePoint(double n, double sigma, double[] energyDensity, double[] vrho, double[] vsigma,
                               int index) {
        XcInputs.requirePointDomain(name(), n, sigma);
        XcBlock block = new XcBlock(1);
        block.loadPoint(n, sigma);
        evaluate(block);
        energyDensity[index] = block.energyDensity[0];
        vrho[index] = block.vrho[0];
        vsigma[index] = block.vsigma[0];
    }

    /** Convenience for one point: e = n·ε(n, σ). Not meant for hot loops. */
    default double energyDensity(double n, double sigma) {
        double[] e = new double[1];
        evaluatePoint(n, sigma, e, new double[1], new double[1], 0);
        return e[0];
    }
}
