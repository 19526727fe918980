package org.ofdft.grids;

/** A uniform one-dimensional grid: a box with hard walls or a periodic segment. */
public sealed interface Grid1D extends Grid permits BoxGrid1D, PeriodicGrid1D {

    /** Grid spacing h (bohr). */
    double spacing();

    /** Coordinate of point j (bohr). */
    double coordinate(int j);

    /** All coordinates (a new array). */
    default double[] coordinates() {
        double[] x = new double[size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = coordinate(j);
        }
        return x;
    }

    @Override
    default int dimension() {
        return 1;
    }

    @Override
    default double volumeElement() {
        return spacing();
    }

    /**
     * A box [wallLeft, wallRight] with hard walls: {@code interiorPoints} points
     * x_j = wallLeft + (j+1)·h, h = (wallRight − wallLeft)/(interiorPoints + 1); wavefunctions vanish
     * on the walls (Dirichlet), which are not grid points.
     */
    static BoxGrid1D box(double wallLeft, double wallRight, int interiorPoints) {
        return new BoxGrid1D(wallLeft, wallRight, interiorPoints);
    }

    /** A periodic segment [start, start + length) with points x_j = start + j·length/points. */
    static PeriodicGrid1D periodic(double start, double length, int points) {
        return new PeriodicGrid1D(start, length, points);
    }

    static void checkPoints(int points) {
        if (points <= 0) {
            throw new IllegalArgumentException("number of grid points must be positive, got " + points);
        }
    }

    static void checkFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }
}
