package org.ofdft.functionals.external;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.simd.ArrayMath;

/**
 * The energy of the density in a given, density-independent potential v(r):
 * E[n] = ∫ v(r) n(r) dr, δE/δn = v. Linear in n. The potential is copied at construction (immutable).
 */
public final class FixedPotential implements DensityFunctional {

    private final String name;
    private final RealField potential;

    /**
     * @param name      the energy term's name in reports, e.g. {@code external}
     * @param potential v(r) in hartree on the functional's grid (copied)
     */
    public FixedPotential(String name, RealField potential) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a fixed potential needs a name");
        }
        if (potential == null) {
            throw new IllegalArgumentException(name + ": potential is missing");
        }
        for (double value : potential.values()) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + ": potential has NaN or infinite values");
            }
        }
        this.name = name;
        this.potential = potential.copy();
    }

    /** A fixed potential named {@code external}. */
    public FixedPotential(RealField potential) {
        this("external", potential);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Grid grid() {
        return potential.grid();
    }

    /** v(r) (a copy). */
    public RealField potential() {
        return potential.copy();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potentialOut) {
        requireGrid(density, "density");
        requireGrid(potentialOut, "potential");
        double[] n = density.values();
        DensityChecks.requireFinite(name, n);
        double[] v = potential.values();
        double sum = ArrayMath.dot(v, n, 0, n.length);
        if (potentialOut != null) {
            double[] out = potentialOut.values();
            for (int j = 0; j < out.length; j++) {
                out[j] += v[j];
            }
        }
        return sum * potential.grid().volumeElement();
    }
}
