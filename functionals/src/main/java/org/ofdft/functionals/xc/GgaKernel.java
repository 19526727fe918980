package org.ofdft.functionals.xc;

/**
 * A semilocal (GGA) exchange–correlation kernel, spin-unpolarized, in libxc's variables: the density n and
 * σ = |∇n|². It returns e(n, σ) = n·ε(n, σ) per volume, vrho = ∂e/∂n and vsigma = ∂e/∂σ; the potential is
 * v_xc = vrho − 2∇·(vsigma ∇n).
 *
 * <p>Below {@link #densityThreshold()} a kernel returns zeros (libxc's dens_threshold screening); σ is
 * floored at dens_threshold^(8/3) as libxc does. Negative or NaN n or σ are rejected with an
 * {@link IllegalArgumentException}.
 */
public interface GgaKernel {

    /** libxc-style label of the functional, e.g. {@code "GGA_X_PBE"}. */
    String name();

    /** Densities n &lt; this value give e = vrho = vsigma = 0. */
    double densityThreshold();

    /**
     * One point, allocation-free: stores e, ∂e/∂n and ∂e/∂σ at {@code index} of the three output arrays.
     *
     * @throws IllegalArgumentException if n or σ is negative or NaN
     */
    void evaluatePoint(double n, double sigma, double[] energyDensity, double[] vrho, double[] vsigma, int index);

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
        for (int i = 0; i < n.length; i++) {
            evaluatePoint(n[i], sigma[i], energyDensity, vrho, vsigma, i);
        }
    }

    /** Convenience for one point: e = n·ε(n, σ). Not meant for hot loops. */
    default double energyDensity(double n, double sigma) {
        double[] e = new double[1];
        evaluatePoint(n, sigma, e, new double[1], new double[1], 0);
        return e[0];
    }
}
