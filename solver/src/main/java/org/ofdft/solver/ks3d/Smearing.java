package org.ofdft.solver.ks3d;

import org.ofdft.functionals.external.ErrorFunction;

/**
 * How states are occupied: fixed (insulators: the lowest N/2 bands of every k-point doubly occupied) or
 * smeared over an energy width σ for metals, with x = (E_F − ε)/σ, the occupation per spin θ(x) and the
 * smearing entropy term w(x), so that the free energy is F = E − TS with
 * <pre>
 *   −TS = σ Σ_k w_k Σ_n g w((E_F − ε_nk)/σ),    g = 2 (spin),
 * </pre>
 * in Quantum ESPRESSO's definitions ({@code wgauss}, {@code w1gauss} of PW/Modules; QE prints this −TS as
 * "smearing contrib. (-TS)" and its "!    total energy" is F):
 * <ul>
 *   <li>Gaussian (Methfessel–Paxton order 0): θ = ½ erfc(−x), w = −e^{−x²}/(2√π);</li>
 *   <li>Fermi–Dirac: θ = 1/(1 + e^{−x}), w = θ ln θ + (1 − θ) ln(1 − θ) (σ = k_B T);</li>
 *   <li>Marzari–Vanderbilt cold smearing (Phys. Rev. Lett. 82, 3296 (1999)), with y = x − 1/√2:
 *       θ = ½ erf(y) + e^{−y²}/√(2π) + ½, w = y e^{−y²}/√(2π).</li>
 * </ul>
 */
public enum Smearing {
    FIXED("fixed"),
    GAUSSIAN("gaussian"),
    FERMI_DIRAC("fermi-dirac"),
    MARZARI_VANDERBILT("marzari-vanderbilt");

    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);

    private final String label;

    Smearing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By label (fixed, gaussian, fermi-dirac, marzari-vanderbilt; also mv, cold, fd, gauss). */
    public static Smearing parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "fixed", "none" -> FIXED;
            case "gaussian", "gauss" -> GAUSSIAN;
            case "fermi-dirac", "fd", "fermi_dirac" -> FERMI_DIRAC;
            case "marzari-vanderbilt", "mv", "cold", "marzari_vanderbilt" -> MARZARI_VANDERBILT;
            default -> throw new IllegalArgumentException("unknown smearing '" + name
                    + "'; valid: fixed, gaussian, fermi-dirac, marzari-vanderbilt (mv, cold)");
        };
    }

    /** θ(x), the occupation per spin channel at x = (E_F − ε)/σ. */
    public double occupation(double x) {
        return switch (this) {
            case FIXED -> x > 0 ? 1 : (x < 0 ? 0 : 0.5);
            case GAUSSIAN -> 0.5 * ErrorFunction.erfc(-x);
            case FERMI_DIRAC -> x < -200 ? 0 : 1 / (1 + Math.exp(-x));
            case MARZARI_VANDERBILT -> {
                double y = x - INV_SQRT_2;
                yield 0.5 * ErrorFunction.erf(y) + INV_SQRT_2PI * Math.exp(-Math.min(200, y * y)) + 0.5;
            }
        };
    }

    /** w(x), the entropy term per spin channel: −TS = σ Σ g w. */
    public double entropyTerm(double x) {
        return switch (this) {
            case FIXED -> 0;
            case GAUSSIAN -> -0.5 * INV_SQRT_PI * Math.exp(-Math.min(200, x * x));
            case FERMI_DIRAC -> {
                if (Math.abs(x) > 36) {
                    yield 0;
                }
                double f = 1 / (1 + Math.exp(-x));
                double g = 1 - f;
                yield f * Math.log(f) + g * Math.log(g);
            }
            case MARZARI_VANDERBILT -> {
                double y = x - INV_SQRT_2;
                yield INV_SQRT_2PI * y * Math.exp(-Math.min(200, y * y));
            }
        };
    }
}
