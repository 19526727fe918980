package org.ofdft.grids;

/**
 * A discretization of space on which fields live: 1D box, 1D periodic, or 3D periodic.
 * Integrals are Σ_j f_j · {@link #volumeElement()} (the rectangle rule, which is the trapezoid rule
 * for functions vanishing at box walls and spectrally accurate for periodic functions).
 */
public sealed interface Grid permits Grid1D, PeriodicGrid {

    /** Number of grid points. */
    int size();

    /** Integration weight of every point: h in 1D (bohr), dV in 3D (bohr³). */
    double volumeElement();

    /** Spatial dimension, 1 or 3. */
    int dimension();

    /** Length (1D, bohr) or volume (3D, bohr³) of the region the grid covers. */
    default double measure() {
        return size() * volumeElement();
    }

    /** Throws a clear message if {@code values} cannot be a field on this grid. */
    default void checkField(double[] values, String what) {
        if (values.length != size()) {
            throw new IllegalArgumentException(what + " has " + values.length + " values but the grid "
                    + this + " has " + size() + " points");
        }
    }
}
