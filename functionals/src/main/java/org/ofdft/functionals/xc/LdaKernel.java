package org.ofdft.functionals.xc;

/**
 * A local (LDA) exchange–correlation kernel, spin-unpolarized: e(n) = n·ε(n) per volume and
 * vrho = de/dn, pointwise (libxc's {@code zk·n} and {@code vrho}).
 *
 * <p>Below {@link #densityThreshold()} a kernel returns e = vrho = 0 (libxc's dens_threshold screening).
 * Negative or NaN densities are rejected with an {@link IllegalArgumentException}.
 */
public interface LdaKernel {

    /** libxc-style label of the functional, e.g. {@code "LDA_X"}. */
    String name();

    /** Densities n &lt; this value give e = vrho = 0. */
    double densityThreshold();

    /**
     * One point, allocation-free: stores e = n·ε(n) in {@code energyDensity[index]} and ∂e/∂n in
     * {@code vrho[index]}.
     *
     * @throws IllegalArgumentException if n is negative or NaN
     */
    void evaluatePoint(double n, double[] energyDensity, double[] vrho, int index);

    /**
     * All points of {@code n}; the outputs must have the same length. The inputs are checked before anything
     * is written.
     *
     * @throws IllegalArgumentException naming the kernel and the number of points if any n is negative or NaN
     */
    default void evaluate(double[] n, double[] energyDensity, double[] vrho) {
        XcInputs.requireSameLength(name(), n.length, energyDensity, vrho);
        XcInputs.requireDensityDomain(name(), n);
        for (int i = 0; i < n.length; i++) {
            evaluatePoint(n[i], energyDensity, vrho, i);
        }
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
