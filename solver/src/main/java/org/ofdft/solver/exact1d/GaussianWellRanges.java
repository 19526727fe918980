package org.ofdft.solver.exact1d;

/**
 * Ranges of the random external potentials v(x) = −Σ_{i=1..wells} a_i exp(−(x − b_i)²/(2c_i²)), each
 * a_i, b_i, c_i drawn uniformly and independently: depth a ∈ [depthMin, depthMax] (hartree), centre
 * b ∈ [centreMin, centreMax] (bohr), width c ∈ [widthMin, widthMax] (bohr). This is the family of
 * Snyder et al. (PRL 108, 253002 (2012)) used for interacting two-electron systems as in Nagai et al.
 * (J. Chem. Phys. 148, 241737 (2018)); the numerical ranges of {@link #defaults()} are this project's
 * choice (not copied from either paper), picked so that two electrons stay bound well inside a box of
 * ±10 bohr with a soft-Coulomb or exponential interaction of strength ~1 Ha at contact.
 */
public record GaussianWellRanges(int wells, double depthMin, double depthMax, double centreMin, double centreMax,
                                 double widthMin, double widthMax) {

    public GaussianWellRanges {
        if (wells < 1) {
            throw new IllegalArgumentException("number of Gaussian wells must be at least 1, got " + wells);
        }
        check("depth", depthMin, depthMax);
        check("centre", centreMin, centreMax);
        check("width", widthMin, widthMax);
        if (!(widthMin > 0)) {
            throw new IllegalArgumentException("Gaussian widths must be positive, got minimum " + widthMin);
        }
    }

    /** Three wells, a ∈ [1, 4] Ha, b ∈ [−2.5, 2.5] bohr, c ∈ [0.5, 1.5] bohr. */
    public static GaussianWellRanges defaults() {
        return new GaussianWellRanges(3, 1.0, 4.0, -2.5, 2.5, 0.5, 1.5);
    }

    private static void check(String what, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(what + " range must be finite with min ≤ max, got [" + min + ", "
                    + max + "]");
        }
    }
}
