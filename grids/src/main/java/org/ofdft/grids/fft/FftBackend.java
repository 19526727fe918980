package org.ofdft.grids.fft;

/**
 * A source of FFT plans. Implementations are discovered with {@link java.util.ServiceLoader}
 * through {@link FftBackendProvider}, so optional backends (FFTW) live in their own module.
 */
public interface FftBackend extends AutoCloseable {

    /** Short name used on the command line and in config files, e.g. {@code jtransforms}. */
    String name();

    /** Number of threads the plans of this backend use. */
    int threads();

    /**
     * Plans a real 3D transform of shape n1 × n2 × n3 (every size ≥ 1 is allowed).
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    RealFft3D plan(int n1, int n2, int n3);

    /**
     * The {@link #threads()} workers for the grid-point loops that go with this backend's transforms
     * (density functionals' pointwise work), so that a term runs its whole evaluation on the thread count
     * its FFTs use. Owned and closed by the backend; one loop at a time.
     */
    ParallelRange parallel();

    /** Releases threads and native resources owned by the backend. */
    @Override
    void close();

    static void checkShape(int n1, int n2, int n3) {
        if (n1 <= 0 || n2 <= 0 || n3 <= 0) {
            throw new IllegalArgumentException("FFT sizes must be positive integers, got "
                    + n1 + "x" + n2 + "x" + n3);
        }
    }
}
