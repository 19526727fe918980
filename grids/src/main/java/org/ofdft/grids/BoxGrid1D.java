package org.ofdft.grids;

/** Interior points of a box with hard walls; see {@link Grid1D#box}. */
public record BoxGrid1D(double wallLeft, double wallRight, int size) implements Grid1D {

    public BoxGrid1D {
        Grid1D.checkFinite(wallLeft, "left wall");
        Grid1D.checkFinite(wallRight, "right wall");
        Grid1D.checkPoints(size);
        if (!(wallRight > wallLeft)) {
            throw new IllegalArgumentException("box walls must satisfy left < right, got ["
                    + wallLeft + ", " + wallRight + "]");
        }
    }

    @Override
    public double spacing() {
        return (wallRight - wallLeft) / (size + 1);
    }

    @Override
    public double coordinate(int j) {
        return wallLeft + (j + 1) * spacing();
    }

    /** Box length L = wallRight − wallLeft (bohr). */
    public double length() {
        return wallRight - wallLeft;
    }

    @Override
    public double measure() {
        return length();
    }

    @Override
    public String toString() {
        return "box[" + wallLeft + ", " + wallRight + "] with " + size + " interior points";
    }
}
