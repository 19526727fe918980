package org.ofdft.grids.fft;

/**
 * A planned real-to-complex 3D discrete Fourier transform of fixed shape n1 × n2 × n3.
 *
 * <p>Layouts (C order, the last index runs fastest, as in FFTW's {@code r2c}):
 * <ul>
 *   <li>real array: {@code f[(i1*n2 + i2)*n3 + i3]}, length {@code n1*n2*n3};</li>
 *   <li>half spectrum: complex {@code F[(i1*n2 + i2)*h3 + k3]} with {@code h3 = n3/2 + 1}, stored
 *       interleaved (re, im), length {@code 2*n1*n2*h3} doubles.</li>
 * </ul>
 * Conventions: forward F(k) = Σ_r f(r) exp(−2πi k·r/n) (unnormalized); inverse
 * f(r) = (1/N) Σ_k F(k) exp(+2πi k·r/n) with N = n1·n2·n3, so {@code inverse(forward(f)) = f}.
 *
 * <p>A plan holds scratch memory and is used by one caller at a time; it allocates nothing per
 * transform. A 1D transform is the shape 1 × 1 × n.
 */
public interface RealFft3D extends AutoCloseable {

    int n1();

    int n2();

    int n3();

    /** Number of real points, n1·n2·n3. */
    default int realLength() {
        return n1() * n2() * n3();
    }

    /** Number of doubles in the interleaved half spectrum, 2·n1·n2·(n3/2+1). */
    default int complexLength() {
        return 2 * n1() * n2() * (n3() / 2 + 1);
    }

    /** Real → half spectrum. {@code real} is not modified. */
    void forward(double[] real, double[] spectrum);

    /** Half spectrum → real, normalized by 1/N. {@code spectrum} is not modified. */
    void inverse(double[] spectrum, double[] real);

    /**
     * Periodic convolution with a real kernel given on the half spectrum: out = IFFT(scale·K(G)·FFT(real))
     * ({@code kernel} has n1·n2·(n3/2+1) values, indexed like the half spectrum). {@code spectrum} is scratch
     * of {@link #complexLength()} doubles, overwritten; {@code out} may be {@code real}. This default runs
     * the forward transform, the product and the inverse one after the other; a backend may do better (FFTW
     * multiplies on its native spectrum, with no copies of it between the two transforms).
     */
    default void convolve(double[] real, double[] kernel, double scale, double[] out, double[] spectrum) {
        checkLengths(real, spectrum);
        checkKernel(kernel);
        forward(real, spectrum);
        for (int e = 0; e < kernel.length; e++) {
            double factor = scale * kernel[e];
            spectrum[2 * e] *= factor;
            spectrum[2 * e + 1] *= factor;
        }
        inverse(spectrum, out);
    }

    /** Checks that {@code kernel} holds one value per half-spectrum entry. */
    default void checkKernel(double[] kernel) {
        if (2 * kernel.length != complexLength()) {
            throw new IllegalArgumentException("kernel has " + kernel.length + " values, plan " + n1() + "x" + n2()
                    + "x" + n3() + " has " + complexLength() / 2 + " half-spectrum entries");
        }
    }

    /** Name of the backend that made this plan. */
    String backendName();

    /** Releases native resources or threads; the plan must not be used afterwards. */
    @Override
    void close();

    /** Checks array lengths against this plan and throws a precise message on mismatch. */
    default void checkLengths(double[] real, double[] spectrum) {
        if (real.length != realLength()) {
            throw new IllegalArgumentException("real array has " + real.length + " values, plan "
                    + n1() + "x" + n2() + "x" + n3() + " needs " + realLength());
        }
        if (spectrum.length != complexLength()) {
            throw new IllegalArgumentException("spectrum array has " + spectrum.length
                    + " doubles, plan " + n1() + "x" + n2() + "x" + n3() + " needs " + complexLength());
        }
    }
}
