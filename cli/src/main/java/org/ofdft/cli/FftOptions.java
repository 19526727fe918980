package org.ofdft.cli;

import org.ofdft.grids.fft.FftBackends;
import picocli.CommandLine.Option;

/** FFT backend and thread count, shared by every command that transforms. */
public final class FftOptions {

    @Option(names = "--fft", paramLabel = "BACKEND",
            description = "FFT backend: java (pure Java, default), jtransforms (pure Java, JTransforms' 1D "
                    + "transforms) or fftw (native, GPL; falls back to java with a warning if it cannot load). "
                    + "Default: " + FftBackends.DEFAULT + ".")
    String backend;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for FFTs and grid loops (default: available processors).")
    Integer threads;

    int threadCount() {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + count);
        }
        return count;
    }

    /** Creates the backend, printing the fallback warning (if any) once to {@code err}. */
    FftBackends.Selection select(java.io.PrintWriter err) {
        FftBackends.Selection selection = FftBackends.select(backend == null ? FftBackends.DEFAULT : backend,
                threadCount());
        if (selection.fellBack()) {
            err.println("ofdft: warning: " + selection.fallbackWarning());
        }
        return selection;
    }
}
