package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Dirac–Slater exchange of the homogeneous electron gas (libxc LDA_X, id 1), spin-unpolarized:
 *
 * <pre>
 *   ε_x(n) = −(3/4) (3/π)^(1/3) n^(1/3),    e = n ε_x,    vrho = (4/3) ε_x
 * </pre>
 *
 * P. A. M. Dirac, Math. Proc. Cambridge Philos. Soc. 26, 376 (1930); F. Bloch, Z. Phys. 57, 545 (1929).
 *
 * <p>Screening as in libxc 5.2.3: zero for n &lt; dens_threshold (default 1e-15), and, because libxc
 * evaluates exchange per spin channel and drops a channel with n/2 ≤ dens_threshold, also zero for
 * n ≤ 2·dens_threshold.
 */
public final class SlaterExchange implements LdaKernel {

    /** libxc 5.2.3's default dens_threshold for LDA_X. */
    public static final double LIBXC_DENSITY_THRESHOLD = 1e-15;

    /** −(3/4)(3/π)^(1/3). */
    static final double C_X = -0.75 * Math.cbrt(3.0 / Math.PI);

    private final double densityThreshold;

    public SlaterExchange() {
        this(LIBXC_DENSITY_THRESHOLD);
    }

    public SlaterExchange(double densityThreshold) {
        XcInputs.requireThreshold("LDA_X", densityThreshold);
        this.densityThreshold = densityThreshold;
    }

    @Override
    public String name() {
        return "LDA_X";
    }

    @Override
    public double densityThreshold() {
        return densityThreshold;
    }

    @Override
    public void evaluate(XcBlock block) {
        if (ArrayMath.vectorized()) {
            VectorXcKernels.slater(block, densityThreshold);
        } else {
            evaluateScalar(block);
        }
    }

    /** The scalar reference of {@link #evaluate(XcBlock)}: the fallback without the vector API. */
    void evaluateScalar(XcBlock block) {
        int count = block.count();
        double[] n = block.density;
        double[] cubeRoot = block.cubeRoot;
        ArrayMath.cbrt(n, cubeRoot, 0, count);
        for (int j = 0; j < count; j++) {
            double epsX = C_X * cubeRoot[j];
            block.energyDensity[j] = n[j] * epsX;
            block.vrho[j] = (4.0 / 3.0) * epsX;
        }
        block.screenPerSpinChannel(densityThreshold);
    }
}
