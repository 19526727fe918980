package org.ofdft.ml.descriptors;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.ofdft.ml.io.Atoms;

/**
 * The partial radial distribution function of a crystal (Schütt, Glawe, Brockherde, Sanna, Müller, Gross,
 * PRB 89, 205118 (2014), eq. 4), a structure-level descriptor:
 * <pre>
 *   g_αβ(r_b) = 1 / (N_α V_b) Σ_{i ∈ α, in the cell} Σ_{j ∈ β, all periodic images} w_b(R_ij)
 * </pre>
 * for bins b = [r_b, r_b + Δr), Δr = r_max / bins, with shell volume V_b = 4π/3 ((r_b + Δr)³ − r_b³) (bohr³)
 * and N_α the number of atoms of element α in the cell. With {@code smearing} = 0, w_b is 1 when R_ij is
 * in bin b (the paper's step functions); with a Gaussian smearing s > 0 it is the fraction of a normal
 * distribution of width s about R_ij that falls into the bin,
 * w_b = ½ [erf((r_b + Δr − R)/√2 s) − erf((r_b − R)/√2 s)], which makes g continuous in the positions.
 * Lengths in <b>bohr</b>; g in bohr⁻³.
 *
 * <p>Output: all ordered element pairs (α, β) in the given order, α-major, each {@code bins} numbers
 * (g_αβ ≠ g_βα in general; N_α g_αβ = N_β g_βα). An element absent from the structure gives zeros.
 * Invariant under translation, rotation, permutation of atoms, and the choice of cell (a supercell gives
 * the same g). Also defined for molecules (no images).
 *
 * @param elements  element symbols of the channels
 * @param maxRadius r_max (bohr)
 * @param bins      number of bins
 * @param smearing  Gaussian width s (bohr), 0 for the step functions of the paper
 */
public record PartialRadialDistribution(List<String> elements, double maxRadius, int bins, double smearing) {

    public PartialRadialDistribution {
        if (elements == null || elements.isEmpty() || elements.stream().distinct().count() != elements.size()) {
            throw new IllegalArgumentException("the PRDF needs a list of distinct element symbols, got " + elements);
        }
        elements = List.copyOf(elements);
        if (!(maxRadius > 0) || !Double.isFinite(maxRadius)) {
            throw new IllegalArgumentException("PRDF r_max must be a positive number of bohr, got " + maxRadius);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("PRDF needs at least one bin, got " + bins);
        }
        if (!(smearing >= 0) || !Double.isFinite(smearing)) {
            throw new IllegalArgumentException("PRDF smearing must be ≥ 0 bohr, got " + smearing);
        }
    }

    /** Number of features: S² · bins. */
    public int length() {
        return elements.size() * elements.size() * bins;
    }

    /** Bin width Δr (bohr). */
    public double binWidth() {
        return maxRadius / bins;
    }

    /** The PRDF of one structure. */
    public double[] compute(Atoms atoms) {
        int s = elements.size();
        int[] channel = ElementChannels.of(atoms, elements, "partial radial distribution function");
        int[] count = new int[s];
        for (int c : channel) {
            count[c]++;
        }
        double width = binWidth();
        // beyond 8 s the Gaussian's weight is below 1e-15
        double reach = smearing > 0 ? 8 * smearing : 0;
        NeighbourList list = NeighbourList.build(atoms, maxRadius + reach);
        double[] g = new double[length()];
        double scale = smearing > 0 ? 1 / (Math.sqrt(2) * smearing) : 0;
        for (int i = 0; i < atoms.atomCount(); i++) {
            int rowBase = channel[i] * s;
            for (int e = list.start(i); e < list.end(i); e++) {
                double distance = list.distance(e);
                int base = (rowBase + channel[list.neighbour(e)]) * bins;
                if (smearing == 0) {
                    int bin = (int) (distance / width);
                    if (bin < bins) {
                        g[base + bin] += 1;
                    }
                    continue;
                }
                int first = Math.max(0, (int) Math.floor((distance - reach) / width));
                int last = Math.min(bins - 1, (int) Math.floor((distance + reach) / width));
                double lower = Erf.erf((first * width - distance) * scale);
                for (int bin = first; bin <= last; bin++) {
                    double upper = Erf.erf(((bin + 1) * width - distance) * scale);
                    g[base + bin] += 0.5 * (upper - lower);
                    lower = upper;
                }
            }
        }
        for (int alpha = 0; alpha < s; alpha++) {
            if (count[alpha] == 0) {
                continue;
            }
            for (int beta = 0; beta < s; beta++) {
                int base = (alpha * s + beta) * bins;
                for (int bin = 0; bin < bins; bin++) {
                    double inner = bin * width;
                    double outer = inner + width;
                    double shell = 4 * Math.PI / 3 * (outer * outer * outer - inner * inner * inner);
                    g[base + bin] /= count[alpha] * shell;
                }
            }
        }
        return g;
    }
}
