package org.ofdft.functionals.xc;

/**
 * A local (LDA) exchange–correlation kernel, spin-unpolarized: e(n) = n·ε(n) per volume and
 * vrho = de/dn, pointwise (libxc's {@code zk·n} and {@code vrho}).
 *
 * <p>Below {@link #densityThreshold()} a kernel returns e = vrho = 0 (libxc's dens_threshold screening).
 * Negative or NaN densities are rejected with an {@link IllegalArgumentException} by the array and point
 * methods; the block method {@link #evaluate(XcBlock)} is the one hot path and trusts its caller.
 */
public interface LdaKernel {

    /** libxc-style label of the functional, e.g. {@code "LDA_X"}. */
    String name();

    /** Densities n &lt; this value give e = vrho = 0. */
    double densityThreshold();

    /**
     * The block's points, allocation-free: e = n·ε(n) into {@code block.energyDensity}, ∂e/∂n into
     * {@code block.vrho}. The densities must already be checked (n ≥ 0, not NaN).
     */
    void evaluate(XcBlock block);

    /**
     * All points of {@code n}; the outputs must have the same length. The inputs are checked before anything
     * is written.
     *
     * @throws IllegalArgumentException naming the kernel and the number of points if any n is negative or NaN
     */
    default void evaluate(double[] n, double[] energyDensity, double[] vrho) {
        XcInputs.requireSameLength(name(), n.length, energyDensity, vrho);
        XcInputs.requireDensityDomain(name(), n);
        XcBlock block = new XcBlock();
        for (int from = 0; from < n.length; from += XcBlock.CAPACITY) {
            block.load(n, null, from, Math.min(XcBlock.CAPACITY, n.length - from));
            evaluate(block);
            block.store(energyDensity, vrho, null, from);
        }
    }

    /**
     * One point: stores e = n·ε(n) in {@code energyDensity[index]} and ∂e/∂n in {@code vrho[index]}.
     * Allocates a one-point block; not meant for hot loops.
     *
     * @throws IllegalArgumentException if n is negative or NaN
     */
    default void evaluatePoint(double n, double[] energyDensity, double[] vrho, int index) {
        XcInputs.requirePointDomain(name(), n);
        XcBlock block = new XcBlock(1);
        block.loadPoint(n, 0.0);
        evaluate(block);
        energyDensity[index] = block.energyDensity[0];
        vrho[index] = block.vrho[0];
    }

    /** Convenience for one point: e = n·ε(n). Not meant for hot loops. */
    default double energyDensity(double n) {
        double[] e = new double[1];
        evaluatePoint(n, e, new double[1], 0);
        return e[0];
    }

    /** Convenience for one point: v = ∂e/∂n. Not meant for hot loops. */
    default double potential(double n) {
        double[] v = new double[1];
        evaluatePoint(n, new double[1], v, 0);
        return v[0];
    }
}
