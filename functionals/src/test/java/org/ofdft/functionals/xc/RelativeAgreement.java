package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tracks |a − b| ≤ tol · max(|b|, floor) over many comparisons and remembers the worst one, so that a
 * failure (or the summary) names the row and the quantity.
 */
final class RelativeAgreement {

    private final String what;
    private final double tolerance;
    private double worstRatio;
    private double worstRelative;
    private String worstDescription = "(no comparisons)";
    private int count;
    private int flooredCount;
    private double worstUnflooredRelative;

    RelativeAgreement(String what, double tolerance) {
        this.what = what;
        this.tolerance = tolerance;
    }

    /** Compares {@code actual} with {@code reference}; {@code floor} is the magnitude below which |b| is not trusted. */
    void compare(String quantity, String where, double actual, double reference, double floor) {
        count++;
        if (Math.abs(reference) < floor) {
            flooredCount++;
        } else {
            double relative = Math.abs(actual - reference) / Math.abs(reference);
            if (!(relative <= worstUnflooredRelative)) {
                worstUnflooredRelative = relative;
            }
        }
        double scale = Math.max(Math.abs(reference), floor);
        double error = Math.abs(actual - reference);
        double ratio = error / (tolerance * scale);
        boolean worse = count == 1 || Double.isNaN(ratio) || (!Double.isNaN(worstRatio) && ratio > worstRatio);
        if (worse) {
            worstRatio = ratio;
            worstRelative = error / scale;
            worstDescription = String.format("%s at %s: got %.17g, reference %.17g, |diff| = %.3e, %.3e relative",
                    quantity, where, actual, reference, error, error / scale);
        }
    }

    int count() {
        return count;
    }

    String summary() {
        return String.format("%s: %d comparisons (%d measured against the floor), worst |a-b|/max(|b|, floor) = %.3e"
                + " (%.3e among plainly relative ones): %s", what, count, flooredCount, worstRelative,
                worstUnflooredRelative, worstDescription);
    }

    void assertWithinTolerance() {
        System.out.println(summary());
        if (count == 0) {
            fail(what + ": nothing compared");
        }
        if (!(worstRatio <= 1.0)) {
            fail(what + ": exceeds " + tolerance + " relative; worst " + worstDescription);
        }
    }
}
