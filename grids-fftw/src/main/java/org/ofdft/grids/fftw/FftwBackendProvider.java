package org.ofdft.grids.fftw;

import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackendProvider;

/**
 * Registers the FFTW backend with {@link org.ofdft.grids.fft.FftBackends} through
 * {@code META-INF/services/org.ofdft.grids.fft.FftBackendProvider}.
 */
public final class FftwBackendProvider implements FftBackendProvider {

    @Override
    public String name() {
        return FftwBackend.NAME;
    }

    @Override
    public String licence() {
        return FftwBackend.LICENCE;
    }

    /** Tries to load the native library; returns null if it loads, otherwise why not. Never throws. */
    @Override
    public String unavailableReason() {
        return FftwNative.unavailableReason();
    }

    @Override
    public FftBackend create(int threads) {
        return new FftwBackend(threads);
    }
}
