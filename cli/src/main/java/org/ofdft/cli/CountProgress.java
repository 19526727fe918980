package org.ofdft.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Progress of work made of {@code total} equal items, on stderr: silent for the first
 * {@link Progress#QUIET_SECONDS} seconds, then one line at most every second and a last line at the end.
 * Thread-safe: items may finish on worker threads.
 */
final class CountProgress implements IntConsumer {

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private double lastPrinted = Double.NEGATIVE_INFINITY;

    CountProgress(PrintWriter err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    @Override
    public synchronized void accept(int done) {
        double elapsed = (System.nanoTime() - start) * 1e-9;
        boolean finished = done >= total;
        if (elapsed < Progress.QUIET_SECONDS || (!finished && elapsed - lastPrinted < 1.0)
                || (finished && lastPrinted < 0)) {
            return;
        }
        lastPrinted = elapsed;
        err.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) after %.1f s%n", label, done, total, 100.0 * done / total, elapsed);
        err.flush();
    }
}
