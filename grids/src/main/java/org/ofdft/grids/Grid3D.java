package org.ofdft.grids;

/**
 * A uniform real-space grid of n1 × n2 × n3 points in a periodic {@link Cell}. Point (i1, i2, i3)
 * sits at r = (i1/n1) a1 + (i2/n2) a2 + (i3/n3) a3 and has array index (i1·n2 + i2)·n3 + i3.
 * Integration weight dV = V/N.
 */
public final class Grid3D implements PeriodicGrid {

    private final Cell cell;
    private final int n1;
    private final int n2;
    private final int n3;
    private volatile ReciprocalGrid reciprocal;

    public Grid3D(Cell cell, int n1, int n2, int n3) {
        if (cell == null) {
            throw new IllegalArgumentException("a 3D grid needs a cell");
        }
        if (n1 <= 0 || n2 <= 0 || n3 <= 0) {
            throw new IllegalArgumentException("grid shape must be positive integers, got "
                    + n1 + "x" + n2 + "x" + n3);
        }
        if ((long) n1 * n2 * n3 > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("grid " + n1 + "x" + n2 + "x" + n3 + " is too large");
        }
        this.cell = cell;
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
    }

    /**
     * The smallest grid, with every size a product of 2, 3 and 5, that represents every plane wave
     * with ½|G|² ≤ {@code cutoffHartree}: along axis i the Miller index m_i = G·a_i/2π reaches
     * |G||a_i|/2π, so n_i ≥ 2·floor(√(2E_cut)|a_i|/2π) + 1. For a Kohn–Sham density pass four times
     * the wavefunction cutoff (as Quantum ESPRESSO's ecutrho = 4·ecutwfc).
     */
    public static Grid3D fromCutoff(Cell cell, double cutoffHartree) {
        if (!(cutoffHartree > 0) || !Double.isFinite(cutoffHartree)) {
            throw new IllegalArgumentException("plane-wave cutoff must be a positive number of hartree, got "
                    + cutoffHartree);
        }
        double gMax = Math.sqrt(2 * cutoffHartree);
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            int minimum = 2 * (int) Math.floor(gMax * cell.length(i) / (2 * Math.PI)) + 1;
            n[i] = FftSizes.nextGood(minimum);
        }
        return new Grid3D(cell, n[0], n[1], n[2]);
    }

    /** As {@link #fromCutoff}, with the cutoff in electronvolt. */
    public static Grid3D fromCutoffEv(Cell cell, double cutoffEv) {
        if (!(cutoffEv > 0) || !Double.isFinite(cutoffEv)) {
            throw new IllegalArgumentException("plane-wave cutoff must be a positive number of eV, got " + cutoffEv);
        }
        return fromCutoff(cell, Units.evToHartree(cutoffEv));
    }

    public Cell cell() {
        return cell;
    }

    public int n1() {
        return n1;
    }

    public int n2() {
        return n2;
    }

    public int n3() {
        return n3;
    }

    @Override
    public int size() {
        return n1 * n2 * n3;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double volumeElement() {
        return cell.volume() / size();
    }

    @Override
    public double measure() {
        return cell.volume();
    }

    @Override
    public int[] fftShape() {
        return new int[] {n1, n2, n3};
    }

    /** Cartesian position (bohr) of grid point (i1, i2, i3). */
    public double[] position(int i1, int i2, int i3) {
        return cell.toCartesian(new double[] {(double) i1 / n1, (double) i2 / n2, (double) i3 / n3});
    }

    /** Array index of point (i1, i2, i3). */
    public int index(int i1, int i2, int i3) {
        return (i1 * n2 + i2) * n3 + i3;
    }

    @Override
    public ReciprocalGrid reciprocal() {
        ReciprocalGrid result = reciprocal;
        if (result == null) {
            double[][] b = {cell.reciprocalVector(0), cell.reciprocalVector(1), cell.reciprocalVector(2)};
            result = new ReciprocalGrid(n1, n2, n3, b);
            reciprocal = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Grid3D that && n1 == that.n1 && n2 == that.n2 && n3 == that.n3
                && cell.equals(that.cell);
    }

    @Override
    public int hashCode() {
        return ((cell.hashCode() * 31 + n1) * 31 + n2) * 31 + n3;
    }

    @Override
    public String toString() {
        return n1 + "x" + n2 + "x" + n3 + " grid in " + cell;
    }
}
