package org.ofdft.functionals.kinetic;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.ParallelRange;
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
    /** Scratch for n^(2/3) (3D), allocated once. */
    private final double[] twoThirds;
    private final ParallelRange parallel;

    /** Thomas–Fermi on the calling thread. */
    public ThomasFermi(Grid grid, SpinTreatment spin) {
        this(grid, spin, ParallelRange.serial());
    }

    /** Thomas–Fermi with its pointwise loop split over {@code parallel}'s workers. */
    public ThomasFermi(Grid grid, SpinTreatment spin, ParallelRange parallel) {
        this.grid = grid;
        this.spin = spin;
        this.coefficient = coefficient(grid.dimension(), spin);
        this.twoThirds = grid.dimension() == 3 ? new double[grid.size()] : null;
        this.parallel = parallel;
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
        double[] v = potential == null ? null : potential.values();
        boolean threeD = grid.dimension() == 3;
        // 3D: T = C Σ n^(2/3)·n, v = (5/3) C n^(2/3); 1D: T = C Σ n²·n, v = 3 C n². Cache-sized blocks, each
        // checked as it is read; a block with a negative or non-finite value makes the sum NaN.
        double derivative = (threeD ? 5.0 / 3.0 : 3.0) * coefficient;
        double sum = parallel.sumBlocks(n.length, (from, to, worker) -> {
            if (!DensityChecks.nonNegativeFinite(n, from, to)) {
                return Double.NaN;
            }
            if (!threeD) {
                double part = 0;
                for (int j = from; j < to; j++) {
                    double n2 = n[j] * n[j];
                    part += n2 * n[j];
                    if (v != null) {
                        v[j] += derivative * n2;
                    }
                }
                return part;
            }
            ArrayMath.cbrt(n, twoThirds, from, to);
            for (int j = from; j < to; j++) {
                twoThirds[j] *= twoThirds[j];
            }
            if (v != null) {
                for (int j = from; j < to; j++) {
                    v[j] += derivative * twoThirds[j];
                }
            }
            return ArrayMath.dot(twoThirds, n, from, to);
        });
        if (Double.isNaN(sum)) {
            DensityChecks.requireNonNegative(name(), n);
        }
        return coefficient * sum * grid.volumeElement();
    }
}
