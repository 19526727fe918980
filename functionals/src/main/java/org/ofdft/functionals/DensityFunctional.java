package org.ofdft.functionals;

import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

/**
 * An energy functional E[n] of the electron density, bound to one grid. One call gives the energy
 * and the potential δE/δn together, so that terms needing FFTs do them once for both.
 *
 * <p>Potentials are <em>added</em> to the array passed in: a sum of terms accumulates into one buffer
 * without temporaries. Implementations are stateless with respect to the density; what depends only on
 * the grid (kernels, form factors, the Ewald energy) is built once in the constructor. Instances may own
 * scratch buffers and are then not thread-safe.
 */
public interface DensityFunctional {

    /** Name used in energy reports, e.g. {@code thomas_fermi}, {@code hartree}. */
    String name();

    /** The grid this functional is bound to. */
    Grid grid();

    /**
     * E[n] in hartree; if {@code potential} is not null, δE/δn (hartree) is added to it.
     *
     * @throws IllegalArgumentException if a field is on another grid, or the density is invalid for
     *     this functional (negative or NaN values where the functional cannot take them)
     */
    double energyAndPotential(RealField density, RealField potential);

    /** E[n] alone (implementations may skip the potential's work). */
    default double energy(RealField density) {
        return energyAndPotential(density, null);
    }

    /** Checks that {@code field} lives on this functional's grid. */
    default void requireGrid(RealField field, String what) {
        if (field != null && field.grid() != grid() && !field.grid().equals(grid())) {
            throw new IllegalArgumentException(name() + ": " + what + " lives on " + field.grid()
                    + " but the functional is bound to " + grid());
        }
    }
}
