package org.ofdft.grids.fftw;

import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.ParallelRange;
import org.ofdft.grids.fft.RealFft3D;

/**
 * FFT backend on FFTW 3.3.10 (through the JavaCPP presets, linux-x86_64). Each plan is an
 * {@code FFTW_MEASURE} r2c/c2r pair on native buffers of its own; see {@link FftwRealFft3D}.
 *
 * <p>Plans stay valid after the backend is closed and must be closed themselves; closing the
 * backend only forbids new plans and stops the pointwise workers of {@link #parallel()} (FFTW's thread
 * pool is global to the process and is kept).
 */
public final class FftwBackend implements FftBackend {

    public static final String NAME = "fftw";
    public static final String LICENCE = "GPL-2.0-or-later (FFTW 3.3.10); JavaCPP presets Apache-2.0";

    private final int threads;
    private final ParallelRange parallel;
    private volatile boolean closed;

    /**
     * @param threads requested thread count (≥ 1); if FFTW's threads cannot be initialized the
     *                plans run on one thread and {@link #threads()} reports 1
     * @throws IllegalStateException if the native library cannot be loaded
     */
    public FftwBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("FFT thread count must be at least 1, got " + threads);
        }
        String reason = FftwNative.unavailableReason();
        if (reason != null) {
            throw new IllegalStateException("FFTW is unavailable: " + reason);
        }
        boolean threaded;
        synchronized (FftwNative.PLANNER_LOCK) {
            threaded = FftwNative.threadsAvailable();
        }
        this.threads = threaded ? threads : 1;
        // FFTW's own threads are not reachable from Java: the pointwise loops get a pool of their own.
        this.parallel = new ParallelRange(this.threads, "fftw-pointwise");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParallelRange parallel() {
        return parallel;
    }

    @Override
    public int threads() {
        return threads;
    }

    /** Version of the native library, e.g. {@code fftw-3.3.10-sse2-avx}. */
    public String libraryVersion() {
        return FftwNative.version();
    }

    @Override
    public RealFft3D plan(int n1, int n2, int n3) {
        FftBackend.checkShape(n1, n2, n3);
        if (closed) {
            throw new IllegalStateException("FFTW backend is closed");
        }
        return new FftwRealFft3D(n1, n2, n3, threads);
    }

    @Override
    public void close() {
        closed = true;
        parallel.close();
    }
}
