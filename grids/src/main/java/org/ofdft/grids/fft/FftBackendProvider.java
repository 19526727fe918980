package org.ofdft.grids.fft;

/**
 * Service-provider interface: a backend module registers one provider in
 * {@code META-INF/services/org.ofdft.grids.fft.FftBackendProvider}.
 */
public interface FftBackendProvider {

    /** Backend name, e.g. {@code fftw}. */
    String name();

    /** Licence of the library behind the backend, e.g. {@code GPL-2.0-or-later}. */
    String licence();

    /**
     * Whether the backend can run here (its native library loads). Must not throw.
     *
     * @return null if available, otherwise the reason it is not
     */
    String unavailableReason();

    /** Creates a backend using the given number of threads (≥ 1). */
    FftBackend create(int threads);
}
