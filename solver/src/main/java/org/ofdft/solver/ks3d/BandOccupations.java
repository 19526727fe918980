package org.ofdft.solver.ks3d;

import java.util.List;

/**
 * Occupation numbers f_nk ∈ [0, 2] (spin-unpolarized) from the band energies, the Fermi level and the
 * smearing term −TS. With smearing, E_F solves N = Σ_k w_k Σ_n 2 θ((E_F − ε_nk)/σ) and is found by
 * bisection between min ε − 10σ and max ε + 10σ to |ΔN| ≤ 1e-13 N (as QE's {@code efermig}; for cold
 * smearing θ is not monotonic, bisection still returns a root inside the bracket). Fixed occupations fill
 * the lowest N/2 bands of every k-point (an odd count leaves the highest singly occupied) and report the
 * highest occupied level as E_F.
 *
 * @param occupations  f_nk (electrons in band n at k, 0 … 2), per k-point
 * @param fermiLevel   E_F (hartree)
 * @param smearingTerm −TS (hartree, ≤ 0 except for cold smearing's small excursions)
 */
public record BandOccupations(double[][] occupations, double fermiLevel, double smearingTerm) {

    /** Spin degeneracy of an unpolarized calculation. */
    static final double SPIN = 2;

    /** Occupations for the eigenvalues ε[k][n] of the k-points (weights adding to 1). */
    public static BandOccupations of(double[][] eigenvalues, List<KPoint> kpoints, double electrons, Smearing smearing,
                                     double width) {
        int nk = eigenvalues.length;
        int bands = eigenvalues[0].length;
        double[][] f = new double[nk][bands];
        if (smearing == Smearing.FIXED) {
            double highest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nk; k++) {
                double left = electrons;
                for (int n = 0; n < bands && left > 0; n++) {
                    f[k][n] = Math.min(SPIN, left);
                    left -= f[k][n];
                    highest = Math.max(highest, eigenvalues[k][n]);
                }
                if (left > 1e-12 * electrons) {
                    throw new IllegalArgumentException(bands + " bands cannot hold " + electrons + " electrons");
                }
            }
            return new BandOccupations(f, highest, 0);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] e : eigenvalues) {
            for (double v : e) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        low -= 10 * width;
        high += 10 * width;
        double fermi = 0.5 * (low + high);
        for (int step = 0; step < 300; step++) {
            fermi = 0.5 * (low + high);
            double count = electronCount(eigenvalues, kpoints, smearing, width, fermi);
            if (Math.abs(count - electrons) <= 1e-13 * electrons) {
                break;
            }
            if (count < electrons) {
                low = fermi;
            } else {
                high = fermi;
            }
        }
        double entropy = 0;
        for (int k = 0; k < nk; k++) {
            double w = kpoints.get(k).weight();
            for (int n = 0; n < bands; n++) {
                double x = (fermi - eigenvalues[k][n]) / width;
                f[k][n] = SPIN * smearing.occupation(x);
                entropy += w * SPIN * smearing.entropyTerm(x);
            }
        }
        return new BandOccupations(f, fermi, width * entropy);
    }

    private static double electronCount(double[][] eigenvalues, List<KPoint> kpoints, Smearing smearing, double width,
                                        double fermi) {
        double count = 0;
        for (int k = 0; k < eigenvalues.length; k++) {
            double sum = 0;
            for (double e : eigenvalues[k]) {
                sum += smearing.occupation((fermi - e) / width);
            }
            count += kpoints.get(k).weight() * SPIN * sum;
        }
        return count;
    }
}
