package org.ofdft.solver.ks1d;

import org.ofdft.functionals.SpinTreatment;

/**
 * Aufbau occupations of the lowest orbitals: each orbital holds g electrons (g = 1 spinless, 2
 * spin-unpolarized) until fewer than g remain, which go into the next orbital (an odd electron count with
 * g = 2 leaves the highest orbital singly occupied; a fractional count gives a fractional last occupation).
 * Degenerate highest levels are filled in the order of the eigensolver, not averaged.
 */
public final class Occupations {

    private Occupations() {
    }

    /** Occupation numbers f_i of the occupied orbitals (all positive, Σ f_i = electrons). */
    public static double[] aufbau(double electrons, SpinTreatment spin) {
        if (!(electrons > 0) || !Double.isFinite(electrons)) {
            throw new IllegalArgumentException("number of electrons must be positive and finite, got " + electrons);
        }
        int g = spin.degeneracy();
        int orbitals = (int) Math.ceil(electrons / g - 1e-12);
        orbitals = Math.max(orbitals, 1);
        double[] f = new double[orbitals];
        double left = electrons;
        for (int i = 0; i < orbitals; i++) {
            f[i] = Math.min(g, left);
            left -= f[i];
        }
        if (left > 1e-9 * electrons) {
            f[orbitals - 1] += left; // round-off in ceil for counts like 2.000000000001
        }
        return f;
    }
}
