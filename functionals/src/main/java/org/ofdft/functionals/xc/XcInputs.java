package org.ofdft.functionals.xc;

import org.ofdft.grids.simd.ArrayMath;

/**
 * Input validation shared by the kernels: array shapes, and the physical domain n ≥ 0, σ ≥ 0.
 * A density that is negative or NaN is a bug upstream (a solver step gone wrong), not something a
 * kernel should silently clamp, so it is reported with the number of offending points.
 */
final class XcInputs {

    private XcInputs() {
    }

    static void requireSameLength(String kernel, int length, double[]... outputs) {
        for (double[] a : outputs) {
            if (a == null) {
                throw new NullPointerException(kernel + ": output array is null");
            }
            if (a.length != length) {
                throw new IllegalArgumentException(kernel + ": array length " + a.length
                        + " does not match the " + length + " density points");
            }
        }
    }

    /** Throws if any n is negative or NaN; the message names the kernel, the count and the first offender. */
    static void requireDensityDomain(String kernel, double[] n) {
        if (ArrayMath.min(n, 0, n.length) >= 0.0) {
            return;                    // fast path: the minimum is NaN if any value is
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < n.length; i++) {
            if (!(n[i] >= 0.0)) {
                if (bad++ == 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(kernel + ": " + bad + " of " + n.length
                    + " density points are negative or NaN (first at index " + first + ": n = " + n[first] + ")");
        }
    }

    /** Throws if any σ = |∇n|² is negative or NaN. */
    static void requireSigmaDomain(String kernel, double[] sigma) {
        int bad = 0;
        int first = -1;
        for (int i = 0; i < sigma.length; i++) {
            if (!(sigma[i] >= 0.0)) {
                if (bad++ == 0) {
                    first = i;
                }
            }
        }
        if (bad > 0) {
            throw new IllegalArgumentException(kernel + ": " + bad + " of " + sigma.length
                    + " points have a negative or NaN sigma = |grad n|^2 (first at index " + first
                    + ": sigma = " + sigma[first] + ")");
        }
    }

    static void requirePointDomain(String kernel, double n) {
        if (!(n >= 0.0)) {
            throw new IllegalArgumentException(kernel + ": 1 density point is negative or NaN (n = " + n + ")");
        }
    }

    static void requirePointDomain(String kernel, double n, double sigma) {
        requirePointDomain(kernel, n);
        if (!(sigma >= 0.0)) {
            throw new IllegalArgumentException(kernel + ": 1 point has a negative or NaN sigma = |grad n|^2 (sigma = "
                    + sigma + ")");
        }
    }

    static void requireThreshold(String kernel, double densityThreshold) {
        if (!(densityThreshold >= 0.0) || Double.isInfinite(densityThreshold)) {
            throw new IllegalArgumentException(kernel + ": density threshold must be finite and >= 0, got "
                    + densityThreshold);
        }
    }
}
