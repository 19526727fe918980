package org.ofdft.ml.descriptors;

import java.util.function.Function;
import org.ofdft.ml.io.Atoms;

/** Central finite differences of per-atom features with respect to every atomic coordinate. */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * max over all (i, f, j, k) of |analytic − (G(r + h e_jk) − G(r − h e_jk)) / 2h| divided by the
     * largest |analytic| entry.
     */
    static double maxRelativeError(Function<Atoms, AtomicFeatures> descriptor, Atoms atoms, double step) {
        AtomicFeatures analytic = descriptor.apply(atoms);
        int n = atoms.atomCount();
        int length = analytic.length();
        double largest = 0;
        for (double g : analytic.gradient()) {
            largest = Math.max(largest, Math.abs(g));
        }
        double worst = 0;
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 3; k++) {
                double[][] r = atoms.positions();
                r[j][k] += step;
                double[] plus = descriptor.apply(atoms.withPositions(r)).values();
                r[j][k] -= 2 * step;
                double[] minus = descriptor.apply(atoms.withPositions(r)).values();
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < length; f++) {
                        double numeric = (plus[i * length + f] - minus[i * length + f]) / (2 * step);
                        worst = Math.max(worst, Math.abs(numeric - analytic.gradient(i, f, j, k)));
                    }
                }
            }
        }
        return worst / largest;
    }
}
