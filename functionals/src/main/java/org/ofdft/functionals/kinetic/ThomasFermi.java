package org.ofdft.functionals.kinetic;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.simd.ArrayMath;

/**
 * Thomas–Fermi kinetic energy, exact for the uniform electron gas with orbital occupation g.
 *
 * <p>3D: T = C ∫ n^{5/3}, C = (3/10)(6π²/g)^{2/3}; for g = 2 this is the familiar
 * (3/10)(3π²)^{2/3} = 2.8712. 1D: T = (π²/(6g²)) ∫ n³, i.e. π²/6 for spinless fermions and π²/24 for
 * spin-unpolarized electrons (Parr &amp; Yang, Density-Functional Theory of Atoms and Molecules, §6.1).
 * Potential: δT/δn = (5/3) C n^{2/3} in 3D, 3 C n² in 1D.
 */
public final class ThomasFermi implements DensityFunctional {

    private final Grid grid;
    private final double coefficient;
    private final SpinTreatment spin;
    /** Scratch for ∛n (3D), allocated once. */
    private final double[] cubeRoot;

    public ThomasFermi(Grid grid, SpinTreatment spin) {
        this.grid = grid;
        this.spin = spin;
        this.coefficient = coefficient(grid.dimension(), spin);
        this.cubeRoot = grid.dimension() == 3 ? new double[grid.size()] : null;
    }

    /** The prefactor C of T = C ∫ n^p for the grid's dimension and spin treatment. */
    public static double coefficient(int dimension, SpinTreatment spin) {
        double g = spin.degeneracy();
        return switch (dimension) {
            case 1 -> Math.PI * Math.PI / (6 * g * g);
            case 3 -> 0.3 * Math.pow(6 * Math.PI * Math.PI / g, 2.0 / 3.0);
            default -> throw new IllegalArgumentException("Thomas-Fermi is defined here for 1D and 3D, not "
                    + dimension + "D");
        };
    }

    public SpinTreatment spin() {
        return spin;
    }

    @Override
    public String name() {
        return "thomas_fermi";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        DensityChecks.requireNonNegative(name(), n);
        double sum = 0;
        if (grid.dimension() == 3) {
            double derivative = 5.0 / 3.0 * coefficient;
            double[] v = potential == null ? null : potential.values();
            ArrayMath.cbrt(n, cubeRoot);
            double[] twoThirds = cubeRoot;
            for (int j = 0; j < n.length; j++) {
                twoThirds[j] = cubeRoot[j] * cubeRoot[j];
            }
            sum = ArrayMath.dot(twoThirds, n, 0, n.length);
            if (v != null) {
                for (int j = 0; j < n.length; j++) {
                    v[j] += derivative * twoThirds[j];
                }
            }
        } else {
            double derivative = 3.0 * coefficient;
            double[] v = potential == null ? null : potential.values();
            for (int j = 0; j < n.length; j++) {
                double n2 = n[j] * n[j];
                sum += n2 * n[j];
                if (v != null) {
                    v[j] += derivative * n2;
                }
            }
        }
        return coefficient * sum * grid.volumeElement();
    }
}
