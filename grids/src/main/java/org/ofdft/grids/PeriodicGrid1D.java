package org.ofdft.grids;

/** A periodic 1D segment; see {@link Grid1D#periodic}. */
public final class PeriodicGrid1D implements Grid1D, PeriodicGrid {

    private final double start;
    private final double length;
    private final int size;
    private volatile ReciprocalGrid reciprocal;

    PeriodicGrid1D(double start, double length, int size) {
        Grid1D.checkFinite(start, "segment start");
        Grid1D.checkFinite(length, "segment length");
        Grid1D.checkPoints(size);
        if (!(length > 0)) {
            throw new IllegalArgumentException("periodic length must be positive, got " + length);
        }
        this.start = start;
        this.length = length;
        this.size = size;
    }

    public double start() {
        return start;
    }

    public double length() {
        return length;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double spacing() {
        return length / size;
    }

    @Override
    public double coordinate(int j) {
        return start + j * spacing();
    }

    @Override
    public int[] fftShape() {
        return new int[] {1, 1, size};
    }

    /** Wave numbers k = 2π m / L along the single axis (stored as the third component). */
    @Override
    public ReciprocalGrid reciprocal() {
        ReciprocalGrid result = reciprocal;
        if (result == null) {
            double twoPiOverL = 2 * Math.PI / length;
            double[][] b = {{0, 0, 0}, {0, 0, 0}, {0, 0, twoPiOverL}};
            result = new ReciprocalGrid(1, 1, size, b);
            reciprocal = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodicGrid1D that && start == that.start && length == that.length
                && size == that.size;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 * 31 + Double.hashCode(length) * 31 + size;
    }

    @Override
    public String toString() {
        return "periodic[" + start + ", " + (start + length) + ") with " + size + " points";
    }
}
