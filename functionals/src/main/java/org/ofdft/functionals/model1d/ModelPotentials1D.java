package org.ofdft.functionals.model1d;

import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;

/** External potentials of the standard 1D model problems, sampled on a grid (hartree). */
public final class ModelPotentials1D {

    private ModelPotentials1D() {
    }

    /**
     * Sum of Gaussian wells v(x) = −Σ_i a_i exp(−(x − b_i)²/(2c_i²)): depth a, centre b, width c
     * (the potentials of Snyder, Rupp, Hansen, Müller, Burke, PRL 108, 253002 (2012)).
     */
    public static RealField gaussianWells(Grid1D grid, double[] depths, double[] centres, double[] widths) {
        if (depths.length != centres.length || depths.length != widths.length) {
            throw new IllegalArgumentException("Gaussian wells need as many depths, centres and widths; got "
                    + depths.length + ", " + centres.length + ", " + widths.length);
        }
        double[] v = new double[grid.size()];
        for (int i = 0; i < depths.length; i++) {
            if (!(widths[i] > 0)) {
                throw new IllegalArgumentException("Gaussian well " + i + " has non-positive width " + widths[i]);
            }
            for (int j = 0; j < v.length; j++) {
                double u = (grid.coordinate(j) - centres[i]) / widths[i];
                v[j] -= depths[i] * Math.exp(-0.5 * u * u);
            }
        }
        return RealField.wrap(grid, v);
    }

    /**
     * Nuclei of charges Z_i at X_i attracting an electron through the interaction w:
     * v(x) = −Σ_i Z_i w(x − X_i); with soft-Coulomb, −Z/√((x − X)² + 1).
     */
    public static RealField nuclei(Grid1D grid, double[] charges, double[] positions, Interaction1D interaction) {
        if (charges.length != positions.length) {
            throw new IllegalArgumentException("nuclei need as many charges as positions; got "
                    + charges.length + " and " + positions.length);
        }
        double[] v = new double[grid.size()];
        for (int i = 0; i < charges.length; i++) {
            for (int j = 0; j < v.length; j++) {
                v[j] -= charges[i] * interaction.at(grid.coordinate(j) - positions[i]);
            }
        }
        return RealField.wrap(grid, v);
    }

    /** Nucleus–nucleus repulsion Σ_{i&lt;j} Z_i Z_j w(X_i − X_j) (not part of the dft1d total energies). */
    public static double nuclearRepulsion(double[] charges, double[] positions, Interaction1D interaction) {
        double energy = 0;
        for (int i = 0; i < charges.length; i++) {
            for (int j = i + 1; j < charges.length; j++) {
                energy += charges[i] * charges[j] * interaction.at(positions[i] - positions[j]);
            }
        }
        return energy;
    }

    /** Harmonic well v(x) = ½ ω² (x − x0)². */
    public static RealField harmonic(Grid1D grid, double omega, double centre) {
        double[] v = new double[grid.size()];
        for (int j = 0; j < v.length; j++) {
            double d = grid.coordinate(j) - centre;
            v[j] = 0.5 * omega * omega * d * d;
        }
        return RealField.wrap(grid, v);
    }
}
