package org.ofdft.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ofdft.solver.ConvergenceStep;

/**
 * Iteration progress on stderr for runs longer than a few seconds: steps are held back for the first
 * {@link #QUIET_SECONDS} seconds (short runs stay silent), then the held steps and every later one are
 * printed as one line each, with the time at which each step finished.
 */
final class Progress implements Consumer<ConvergenceStep> {

    static final double QUIET_SECONDS = 2.0;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private final List<ConvergenceStep> held = new ArrayList<>();
    private final List<Double> heldTimes = new ArrayList<>();
    private boolean printing;

    Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void accept(ConvergenceStep step) {
        double elapsed = (System.nanoTime() - start) * 1e-9;
        if (!printing) {
            held.add(step);
            heldTimes.add(elapsed);
            if (elapsed < QUIET_SECONDS) {
                return;
            }
            printing = true;
            err.printf(Locale.ROOT, "%s: %5s %22s %12s %12s %6s %8s%n", label, "iter", "energy (Ha)", "|dE| (Ha)",
                    "residual", "evals", "time (s)");
            for (int i = 0; i < held.size(); i++) {
                print(held.get(i), heldTimes.get(i));
            }
            held.clear();
            heldTimes.clear();
            return;
        }
        print(step, elapsed);
    }

    private void print(ConvergenceStep step, double elapsed) {
        err.printf(Locale.ROOT, "%s: %5d %22.12f %12.3e %12.3e %6d %8.1f%n", label, step.iteration(), step.energy(),
                Math.abs(step.energyChange()), step.residual(), step.evaluations(), elapsed);
        err.flush();
    }
}
