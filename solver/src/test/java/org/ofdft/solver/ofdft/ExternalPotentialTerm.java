package org.ofdft.solver.ofdft;

import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

/** E = ∫ v n for a fixed potential v; δE/δn = v (a stand-in for the external-potential functionals). */
final class ExternalPotentialTerm implements DensityFunctional {

    private final RealField potential;

    ExternalPotentialTerm(RealField potential) {
        this.potential = potential;
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public Grid grid() {
        return potential.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField out) {
        requireGrid(density, "density");
        requireGrid(out, "potential");
        if (out != null) {
            out.addScaledInPlace(1.0, potential);
        }
        return potential.dot(density);
    }
}
