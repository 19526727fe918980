package org.ofdft.ml.xc;

/**
 * One training system: its density and the exact XC targets on one grid.
 *
 * @param label        a name for reports (e.g. {@code seed=…} or {@code d=1.60})
 * @param density      n_j (bohr⁻¹)
 * @param xcPotential  exact v_xc,j (hartree)
 * @param pointWeights weight of each point in the potential loss, ω_j = n_j h where v_xc is reliable and 0
 *                     elsewhere: errors count where the electrons are, and the unreliable far tails (1/n
 *                     amplified noise of the inversion) not at all
 * @param xcEnergy     exact E_xc (hartree)
 */
public record XcSample(String label, double[] density, double[] xcPotential, double[] pointWeights, double xcEnergy) {

    public XcSample {
        int points = density.length;
        if (xcPotential.length != points || pointWeights.length != points) {
            throw new IllegalArgumentException("sample " + label + ": density, v_xc and weights must have the same "
                    + "length, got " + points + ", " + xcPotential.length + ", " + pointWeights.length);
        }
        for (int j = 0; j < points; j++) {
            if (!Double.isFinite(density[j]) || !Double.isFinite(xcPotential[j]) || !(pointWeights[j] >= 0)) {
                throw new IllegalArgumentException("sample " + label + ": non-finite value or negative weight at "
                        + "point " + j);
            }
        }
        if (!Double.isFinite(xcEnergy)) {
            throw new IllegalArgumentException("sample " + label + ": E_xc is not finite");
        }
    }

    /** Weights n_j h where {@code reliable[j]}, else 0. */
    public static double[] densityWeights(double[] density, boolean[] reliable, double spacing) {
        double[] weights = new double[density.length];
        for (int j = 0; j < density.length; j++) {
            weights[j] = reliable[j] ? Math.max(density[j], 0.0) * spacing : 0.0;
        }
        return weights;
    }
}
