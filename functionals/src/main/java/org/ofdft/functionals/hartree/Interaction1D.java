package org.ofdft.functionals.hartree;

/**
 * A pairwise interaction w(x) between two unit charges a distance x apart on a line (hartree).
 * The bare 1/|x| is not integrable in 1D; model studies use a softened or screened form.
 */
public interface Interaction1D {

    /** w(x), even in x. */
    double at(double x);

    /** Short name for reports and model files. */
    String name();

    /**
     * Soft-Coulomb w(x) = 1/√(x² + a²), a = 1 being the usual choice for 1D atoms and molecules
     * (Eberly, Su, Javanainen, PRA 40, 1341 (1989)).
     */
    static Interaction1D softCoulomb(double softening) {
        if (!(softening > 0)) {
            throw new IllegalArgumentException("soft-Coulomb softening must be positive, got " + softening);
        }
        return new Interaction1D() {
            @Override
            public double at(double x) {
                return 1.0 / Math.sqrt(x * x + softening * softening);
            }

            @Override
            public String name() {
                return softening == 1.0 ? "soft_coulomb" : "soft_coulomb(a=" + softening + ")";
            }
        };
    }

    /** Soft-Coulomb with a = 1. */
    static Interaction1D softCoulomb() {
        return softCoulomb(1.0);
    }

    /**
     * Exponential interaction w(x) = A exp(−κ|x|) with A = 1.071295, κ = 1/2.385345, fitted to the
     * soft-Coulomb interaction (Baker, Stoudenmire, Wagner, Burke, White, PRB 91, 235141 (2015)); the
     * model of JAX-DFT and of the dft1d datasets.
     */
    static Interaction1D exponential() {
        return exponential(1.071295, 1.0 / 2.385345);
    }

    static Interaction1D exponential(double amplitude, double inverseRange) {
        if (!(inverseRange > 0)) {
            throw new IllegalArgumentException("exponential interaction needs κ > 0, got " + inverseRange);
        }
        return new Interaction1D() {
            @Override
            public double at(double x) {
                return amplitude * Math.exp(-inverseRange * Math.abs(x));
            }

            @Override
            public String name() {
                return "exponential";
            }
        };
    }
}
