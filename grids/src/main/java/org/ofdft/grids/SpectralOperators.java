package org.ofdft.grids;

import java.util.function.DoubleUnaryOperator;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.fft.RealFft3D;

/**
 * Spectral (plane-wave) differential and convolution operators on a periodic grid, bound to one
 * FFT plan, two reusable half-spectrum buffers and the Poisson kernel: after construction no call allocates a
 * grid-sized array. Not thread-safe: one instance per thread.
 *
 * <p>Cartesian components: three on a 3D grid; one on a 1D periodic grid (d/dx).
 */
public final class SpectralOperators implements AutoCloseable {

    private final PeriodicGrid grid;
    private final ReciprocalGrid reciprocal;
    private final RealFft3D plan;
    private final ParallelRange parallel;
    private final double[] spectrum;
    private final double[] work;
    /** 4π/|G|² on the half spectrum, 0 at G = 0: the Poisson kernel. */
    private final double[] coulombKernel;

    public SpectralOperators(PeriodicGrid grid, FftBackend backend) {
        this.grid = grid;
        this.reciprocal = grid.reciprocal();
        int[] shape = grid.fftShape();
        this.plan = backend.plan(shape[0], shape[1], shape[2]);
        this.parallel = backend.parallel();
        this.spectrum = new double[plan.complexLength()];
        this.work = new double[plan.complexLength()];
        double[] g2 = reciprocal.g2();
        this.coulombKernel = new double[g2.length];
        for (int e = 0; e < g2.length; e++) {
            coulombKernel[e] = g2[e] > 0 ? 4 * Math.PI / g2[e] : 0.0;
        }
    }

    public PeriodicGrid grid() {
        return grid;
    }

    public ReciprocalGrid reciprocal() {
        return reciprocal;
    }

    /** The FFT plan, for callers that transform themselves. */
    public RealFft3D plan() {
        return plan;
    }

    /**
     * The backend's workers for grid-point loops, as many as its FFT threads: functionals split their
     * pointwise work over these so that the whole evaluation scales with the FFT thread count.
     */
    public ParallelRange parallel() {
        return parallel;
    }

    /** Number of Cartesian derivative components: 3 in 3D, 1 in 1D. */
    public int components() {
        return grid.dimension() == 1 ? 1 : 3;
    }

    /** F(G) = Σ_r f(r) e^{−iG·r} into a new reciprocal field. */
    public ReciprocalField forward(RealField field) {
        requireGrid(field);
        double[] out = new double[plan.complexLength()];
        plan.forward(field.values(), out);
        return ReciprocalField.wrap(grid, out);
    }

    /** f(r) = (1/N) Σ_G F(G) e^{iG·r} into a new real field. */
    public RealField inverse(ReciprocalField field) {
        double[] out = new double[grid.size()];
        plan.inverse(field.values(), out);
        return RealField.wrap(grid, out);
    }

    /** ∇f: {@code gradient[c]} ← ∂f/∂x_c, by multiplying F(G) with iG_c (one forward, one inverse per component). */
    public void gradient(double[] f, double[][] gradient) {
        checkComponents(gradient, "gradient");
        plan.forward(f, spectrum);
        for (int c = 0; c < gradient.length; c++) {
            double[] g = reciprocalComponent(c);
            parallel.forEach(g.length, (from, to, worker) -> {
                for (int e = from; e < to; e++) {
                    double re = spectrum[2 * e];
                    double im = spectrum[2 * e + 1];
                    work[2 * e] = -g[e] * im;
                    work[2 * e + 1] = g[e] * re;
                }
            });
            plan.inverse(work, gradient[c]);
        }
    }

    /** ∇·v: Σ_c iG_c V_c(G), transformed back once. */
    public void divergence(double[][] vector, double[] out) {
        checkComponents(vector, "vector field");
        for (int c = 0; c < vector.length; c++) {
            plan.forward(vector[c], work);
            double[] g = reciprocalComponent(c);
            boolean first = c == 0;
            parallel.forEach(g.length, (from, to, worker) -> {
                for (int e = from; e < to; e++) {
                    double re = first ? 0.0 : spectrum[2 * e];
                    double im = first ? 0.0 : spectrum[2 * e + 1];
                    spectrum[2 * e] = re - g[e] * work[2 * e + 1];
                    spectrum[2 * e + 1] = im + g[e] * work[2 * e];
                }
            });
        }
        plan.inverse(spectrum, out);
    }

    /** ∇²f = IFFT(−|G|² F(G)), as one {@link RealFft3D#convolve}. */
    public void laplacian(double[] f, double[] out) {
        plan.convolve(f, reciprocal.g2(), -1.0, out, spectrum);
    }

    /**
     * Periodic convolution with a kernel given by its (real) Fourier values K(G) on the half
     * spectrum: out = IFFT(K(G)·F(G)). Build K once with {@link #radialKernel}.
     */
    public void convolve(double[] f, double[] kernel, double[] out) {
        plan.convolve(f, kernel, 1.0, out, spectrum);      // checks the kernel's length
    }

    /** Fourier values k(|G|) of a radial kernel on the half spectrum (a new array, built once per grid). */
    public double[] radialKernel(DoubleUnaryOperator kernelOfG) {
        double[] g2 = reciprocal.g2();
        double[] kernel = new double[g2.length];
        for (int e = 0; e < g2.length; e++) {
            kernel[e] = kernelOfG.applyAsDouble(Math.sqrt(g2[e]));
        }
        return kernel;
    }

    /**
     * Periodic Poisson equation −∇²V = 4πρ: V(G) = 4π ρ(G)/|G|², with the G = 0 term dropped
     * (a neutralizing background; V has zero average).
     */
    public void solvePoisson(double[] rho, double[] potential) {
        plan.convolve(rho, coulombKernel, 1.0, potential, spectrum);
    }

    /**
     * spectrum(G) ← K(G)·spectrum(G) on the half spectrum (interleaved complex values, real K), split over
     * the workers: for terms that transform themselves (e.g. a kernel that changes between calls).
     */
    public void multiply(double[] spectrum, double[] kernel) {
        if (2 * kernel.length != spectrum.length) {
            throw new IllegalArgumentException("kernel has " + kernel.length + " values for a spectrum of "
                    + spectrum.length / 2 + " complex entries");
        }
        parallel.forEach(kernel.length, (from, to, worker) -> {
            for (int e = from; e < to; e++) {
                spectrum[2 * e] *= kernel[e];
                spectrum[2 * e + 1] *= kernel[e];
            }
        });
    }

    private double[] reciprocalComponent(int c) {
        return reciprocal.component(grid.dimension() == 1 ? 2 : c);
    }

    private void checkComponents(double[][] arrays, String what) {
        if (arrays.length != components()) {
            throw new IllegalArgumentException(what + " has " + arrays.length + " components, a "
                    + grid.dimension() + "D grid needs " + components());
        }
        for (double[] a : arrays) {
            grid.checkField(a, what + " component");
        }
    }

    private void requireGrid(RealField field) {
        if (!grid.equals(field.grid())) {
            throw new IllegalArgumentException("field lives on " + field.grid() + ", operators on " + grid);
        }
    }

    @Override
    public void close() {
        plan.close();
    }
}
