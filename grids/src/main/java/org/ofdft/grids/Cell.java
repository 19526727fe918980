package org.ofdft.grids;

import java.util.Arrays;

/**
 * A periodic simulation cell: lattice vectors a1, a2, a3 (rows of a 3×3 matrix, bohr), its volume
 * V = a1·(a2×a3) and reciprocal vectors b_i = 2π (a_j × a_k)/V with a_i·b_j = 2π δ_ij.
 * Immutable; the lattice must be right-handed and non-singular.
 */
public final class Cell {

    private final double[] lattice;      // row-major, row i = a_i
    private final double[] reciprocal;   // row-major, row i = b_i
    private final double volume;

    private Cell(double[] lattice) {
        for (double value : lattice) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("lattice vectors must be finite, got "
                        + Arrays.toString(lattice));
            }
        }
        this.lattice = lattice;
        double[] a1 = row(lattice, 0);
        double[] a2 = row(lattice, 1);
        double[] a3 = row(lattice, 2);
        double det = dot(a1, cross(a2, a3));
        double scale = norm(a1) * norm(a2) * norm(a3);
        if (scale == 0 || Math.abs(det) <= 1e-10 * scale) {
            throw new IllegalArgumentException("cell is singular: lattice vectors "
                    + Arrays.toString(a1) + ", " + Arrays.toString(a2) + ", " + Arrays.toString(a3)
                    + " are (nearly) linearly dependent");
        }
        if (det < 0) {
            throw new IllegalArgumentException("cell is left-handed (a1·(a2×a3) = " + det
                    + " < 0); swap two lattice vectors");
        }
        this.volume = det;
        double factor = 2 * Math.PI / det;
        double[] b1 = cross(a2, a3);
        double[] b2 = cross(a3, a1);
        double[] b3 = cross(a1, a2);
        this.reciprocal = new double[9];
        for (int k = 0; k < 3; k++) {
            reciprocal[k] = factor * b1[k];
            reciprocal[3 + k] = factor * b2[k];
            reciprocal[6 + k] = factor * b3[k];
        }
    }

    /** A cell from three lattice vectors in bohr (rows). */
    public static Cell ofBohr(double[][] vectors) {
        if (vectors.length != 3 || vectors[0].length != 3 || vectors[1].length != 3 || vectors[2].length != 3) {
            throw new IllegalArgumentException("a cell needs three lattice vectors of three components");
        }
        double[] flat = new double[9];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(vectors[i], 0, flat, 3 * i, 3);
        }
        return new Cell(flat);
    }

    /** A cell from three lattice vectors in ångström (rows), converted to bohr. */
    public static Cell ofAngstrom(double[][] vectors) {
        double[][] bohr = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                bohr[i][k] = Units.angstromToBohr(vectors[i][k]);
            }
        }
        return ofBohr(bohr);
    }

    /** Simple cubic cell of edge {@code a} bohr. */
    public static Cell cubic(double a) {
        return ofBohr(new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}});
    }

    /** Lattice vector a_i (bohr), i = 0, 1, 2 (a copy). */
    public double[] latticeVector(int i) {
        return row(lattice, i);
    }

    /** Reciprocal vector b_i (bohr⁻¹), i = 0, 1, 2 (a copy). */
    public double[] reciprocalVector(int i) {
        return row(reciprocal, i);
    }

    /** |a_i| in bohr. */
    public double length(int i) {
        return norm(row(lattice, i));
    }

    /** Volume in bohr³. */
    public double volume() {
        return volume;
    }

    /** Cartesian position (bohr) of fractional coordinates (s1, s2, s3): r = Σ s_i a_i. */
    public double[] toCartesian(double[] fractional) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                r[k] += fractional[i] * lattice[3 * i + k];
            }
        }
        return r;
    }

    /** Fractional coordinates of a Cartesian position: s_i = r·b_i / 2π. */
    public double[] toFractional(double[] cartesian) {
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                s[i] += cartesian[k] * reciprocal[3 * i + k];
            }
            s[i] /= 2 * Math.PI;
        }
        return s;
    }

    /** A supercell repeated r1 × r2 × r3 times. */
    public Cell repeat(int r1, int r2, int r3) {
        if (r1 < 1 || r2 < 1 || r3 < 1) {
            throw new IllegalArgumentException("repetitions must be positive, got " + r1 + "x" + r2 + "x" + r3);
        }
        double[] flat = lattice.clone();
        int[] r = {r1, r2, r3};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                flat[3 * i + k] *= r[i];
            }
        }
        return new Cell(flat);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cell that && Arrays.equals(lattice, that.lattice);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lattice);
    }

    @Override
    public String toString() {
        return "Cell[a1=" + Arrays.toString(row(lattice, 0)) + ", a2=" + Arrays.toString(row(lattice, 1))
                + ", a3=" + Arrays.toString(row(lattice, 2)) + " bohr]";
    }

    private static double[] row(double[] m, int i) {
        return new double[] {m[3 * i], m[3 * i + 1], m[3 * i + 2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
