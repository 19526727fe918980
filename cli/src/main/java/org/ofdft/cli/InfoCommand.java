package org.ofdft.cli;

import java.io.PrintWriter;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.FftBackends;
import org.ofdft.grids.fft.JavaFftBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ofdft info}: what this installation can do and what it would use. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the Java runtime, thread count and FFT backends (available and active).")
public final class InfoCommand implements Runnable {

    @Mixin
    FftOptions fft;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Runtime runtime = Runtime.getRuntime();
        // Choose the backend first, so that a bad --fft or --threads fails before any output.
        FftBackend backend = fft.select(err).backend();
        out.printf("ofdft %s%n", VersionProvider.version());
        out.printf("java        %s (%s), %s %s%n", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
        out.printf("processors  %d available%n", runtime.availableProcessors());
        out.printf("memory      %.1f GiB max heap%n", runtime.maxMemory() / (1024.0 * 1024 * 1024));
        out.printf("threads     %d%n", backend.threads());
        out.println("fft backends:");
        for (FftBackends.Info info : FftBackends.list()) {
            out.printf("  %-12s %-11s %s%n", info.name(),
                    info.available() ? "available" : "unavailable",
                    info.licence() + (info.available() ? "" : "; " + info.unavailableReason()));
        }
        String simd = "";
        if (backend instanceof JavaFftBackend javaBackend) {
            simd = javaBackend.simdLanes() > 0
                    ? ", SIMD butterflies: " + javaBackend.simdLanes() + " doubles per vector"
                    : ", scalar butterflies (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
        }
        out.printf("active fft  %s (%d thread%s%s)%n", backend.name(), backend.threads(),
                backend.threads() == 1 ? "" : "s", simd);
        backend.close();
    }
}
