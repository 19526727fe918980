package org.ofdft.solver.ks3d;

import java.util.Arrays;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid3D;

/**
 * The plane waves of one k-point inside the kinetic-energy cutoff: the reciprocal lattice vectors
 * G = Σ m_i b_i with ½|k + G|² ≤ E_cut, each with its kinetic energy ½|k + G|² (hartree) and the index of
 * G on the FFT grid, ((m₁ mod n₁)·n₂ + m₂ mod n₂)·n₃ + m₃ mod n₃. A Bloch state is
 * ψ(r) = Ω^{−½} Σ_G c(G) e^{i(k+G)·r} with Σ_G |c(G)|² = 1. Plane waves are ordered by kinetic energy.
 * Immutable.
 */
public final class PlaneWaveBasis {

    private final Grid3D grid;
    private final KPoint kpoint;
    private final double cutoff;
    private final int[] gridIndex;
    private final double[] kinetic;

    /**
     * @param grid   the FFT grid; every G of the sphere must be representable on it (|m_i| ≤ (n_i − 1)/2)
     * @param kpoint the Bloch vector
     * @param cutoff E_cut in hartree
     * @throws IllegalArgumentException if the sphere does not fit the grid or the cutoff is not positive
     */
    public PlaneWaveBasis(Grid3D grid, KPoint kpoint, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("wavefunction cutoff must be a positive number of hartree, got " + cutoff);
        }
        this.grid = grid;
        this.kpoint = kpoint;
        this.cutoff = cutoff;
        Cell cell = grid.cell();
        double[] k = kpoint.cartesian(cell);
        double gMax = Math.sqrt(2 * cutoff);
        double kNorm = Math.sqrt(k[0] * k[0] + k[1] * k[1] + k[2] * k[2]);
        int[] n = {grid.n1(), grid.n2(), grid.n3()};
        int[] bound = new int[3];
        for (int i = 0; i < 3; i++) {
            // |m_i| = |(k+G)·a_i/2π − κ_i| ≤ |k+G||a_i|/2π + |κ_i|
            bound[i] = (int) Math.floor((gMax + kNorm) * cell.length(i) / (2 * Math.PI) + Math.abs(kpoint.fractional(i))) + 1;
        }
        double[] b1 = cell.reciprocalVector(0);
        double[] b2 = cell.reciprocalVector(1);
        double[] b3 = cell.reciprocalVector(2);
        int capacity = (2 * bound[0] + 1) * (2 * bound[1] + 1) * (2 * bound[2] + 1);
        long[] packed = new long[capacity];
        double[] energies = new double[capacity];
        int count = 0;
        for (int m1 = -bound[0]; m1 <= bound[0]; m1++) {
            for (int m2 = -bound[1]; m2 <= bound[1]; m2++) {
                for (int m3 = -bound[2]; m3 <= bound[2]; m3++) {
                    double q1 = kpoint.fractional(0) + m1;
                    double q2 = kpoint.fractional(1) + m2;
                    double q3 = kpoint.fractional(2) + m3;
                    double x = q1 * b1[0] + q2 * b2[0] + q3 * b3[0];
                    double y = q1 * b1[1] + q2 * b2[1] + q3 * b3[1];
                    double z = q1 * b1[2] + q2 * b2[2] + q3 * b3[2];
                    double energy = 0.5 * (x * x + y * y + z * z);
                    if (energy > cutoff) {
                        continue;
                    }
                    int[] m = {m1, m2, m3};
                    for (int i = 0; i < 3; i++) {
                        if (2 * Math.abs(m[i]) + 1 > n[i]) {
                            throw new IllegalArgumentException("the plane-wave cutoff " + cutoff + " Ha needs Miller index "
                                    + m[i] + " along axis " + (i + 1) + " at " + kpoint + ", more than the FFT grid "
                                    + n[0] + "x" + n[1] + "x" + n[2] + " can represent (n ≥ " + (2 * Math.abs(m[i]) + 1)
                                    + "); lower the cutoff or enlarge the grid");
                        }
                    }
                    int index = (Math.floorMod(m1, n[0]) * n[1] + Math.floorMod(m2, n[1])) * n[2] + Math.floorMod(m3, n[2]);
                    energies[count] = energy;
                    packed[count] = index;
                    count++;
                }
            }
        }
        Integer[] order = new Integer[count];
        for (int j = 0; j < count; j++) {
            order[j] = j;
        }
        final double[] e = energies;
        final long[] p = packed;
        Arrays.sort(order, (a, b) -> e[a] != e[b] ? Double.compare(e[a], e[b]) : Long.compare(p[a], p[b]));
        this.gridIndex = new int[count];
        this.kinetic = new double[count];
        for (int j = 0; j < count; j++) {
            gridIndex[j] = (int) packed[order[j]];
            kinetic[j] = energies[order[j]];
        }
    }

    public Grid3D grid() {
        return grid;
    }

    public KPoint kpoint() {
        return kpoint;
    }

    /** E_cut (hartree). */
    public double cutoff() {
        return cutoff;
    }

    /** Number of plane waves. */
    public int size() {
        return gridIndex.length;
    }

    /** Index on the FFT grid of plane wave j. */
    public int gridIndex(int j) {
        return gridIndex[j];
    }

    /** ½|k + G_j|² (hartree). */
    public double kinetic(int j) {
        return kinetic[j];
    }

    /** The FFT grid indices (shared array: do not modify). */
    int[] gridIndices() {
        return gridIndex;
    }

    /** The kinetic energies (shared array: do not modify). */
    double[] kineticEnergies() {
        return kinetic;
    }
}
