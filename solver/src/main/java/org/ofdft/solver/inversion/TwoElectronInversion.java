package org.ofdft.solver.inversion;

import org.ofdft.grids.FiniteDifference1D;
import org.ofdft.grids.Grid1D;

/**
 * The exact Kohn–Sham potential of a two-electron singlet density in closed form. The Kohn–Sham system has
 * one doubly occupied orbital φ = √(n/2) (nodeless, so positive), and [−½ d²/dx² + v_s] φ = ε φ gives
 * <pre>
 *   v_s(x) = ε + ½ φ''(x)/φ(x)
 * </pre>
 * (e.g. C. Filippi, C. J. Umrigar, M. Taut, J. Chem. Phys. 100, 1290 (1994); the same relation holds for
 * any one-orbital system). φ'' is the finite difference of the Kohn–Sham solver ({@link FiniteDifference1D},
 * same order, same walls), so that φ is an eigenvector of the discrete −½L + v_s with eigenvalue ε
 * <i>exactly</i>: the round trip v_s → non-interacting solver → n returns n to round-off. (For the 3-point
 * stencil −½L + v_s has non-positive off-diagonal entries and φ &gt; 0 is then its ground state by
 * Perron–Frobenius; for wider stencils this is checked, not guaranteed.)
 *
 * <p><b>The constant.</b> The density fixes v_s only up to a constant; here it is fixed by ε, supplied by the
 * caller. The physical choice, v_s → 0 far from the system, is ε = −I = E(2) − E(1), the energy of the
 * two-electron ground state minus that of the one-electron ion in the same v_ext (Levy, Perdew, Sahni,
 * Phys. Rev. A 30, 2745 (1984)); {@code TwoElectronGroundState.kohnShamEigenvalue()} gives it on the grid.
 * For data without E(1) (e.g. the dft1d H₂ set) {@link #eigenvalueVanishingAt} picks ε so that v_s = 0 at
 * a chosen point in the tail — the convention of that set's {@code exact_v_s}.
 *
 * <p><b>Where n is tiny.</b> Where n ≤ {@code densityFloor} (default 0: only where n vanishes or is
 * negative) v_s is not determined by the data; it is continued there by the value at the nearest
 * determined point and marked in {@link KohnShamPotential#determined()}. In the deep tails, where φ is
 * dominated by round-off, v_s is noisy but φ remains the eigenvector by construction.
 */
public final class TwoElectronInversion {

    private final Grid1D grid;
    private final FiniteDifference1D stencil;

    public TwoElectronInversion(Grid1D grid, int order) {
        this.grid = grid;
        this.stencil = new FiniteDifference1D(order);
    }

    public Grid1D grid() {
        return grid;
    }

    public int order() {
        return stencil.order();
    }

    /** v_s = ε + ½φ''/φ, φ = √(n/2), where n &gt; 0; continued by nearest values elsewhere. */
    public KohnShamPotential invert(double[] density, double eigenvalue) {
        return invert(density, eigenvalue, 0.0);
    }

    /** As {@link #invert(double[], double)}, treating n ≤ {@code densityFloor} as not determined. */
    public KohnShamPotential invert(double[] density, double eigenvalue, double densityFloor) {
        if (!Double.isFinite(eigenvalue)) {
            throw new IllegalArgumentException("Kohn-Sham eigenvalue must be finite, got " + eigenvalue);
        }
        if (!(densityFloor >= 0)) {
            throw new IllegalArgumentException("density floor must be non-negative, got " + densityFloor);
        }
        double[] shape = laplacianRatio(density);
        int n = shape.length;
        boolean[] determined = new boolean[n];
        int first = -1;
        int last = -1;
        for (int j = 0; j < n; j++) {
            determined[j] = density[j] > densityFloor;
            if (determined[j]) {
                if (first < 0) {
                    first = j;
                }
                last = j;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("density is nowhere above the floor " + densityFloor);
        }
        double[] potential = new double[n];
        for (int j = 0; j < n; j++) {
            if (determined[j]) {
                potential[j] = eigenvalue + shape[j];
            }
        }
        // fill: tails by the outermost determined values, inner gaps by the nearer neighbour
        for (int j = 0; j < n; j++) {
            if (determined[j]) {
                continue;
            }
            if (j < first) {
                potential[j] = potential[first];
            } else if (j > last) {
                potential[j] = potential[last];
            } else {
                int left = j - 1;
                while (!determined[left]) {
                    left--;
                }
                int right = j + 1;
                while (!determined[right]) {
                    right++;
                }
                potential[j] = (j - left <= right - j) ? eigenvalue + shape[left] : eigenvalue + shape[right];
            }
        }
        return new KohnShamPotential(potential, eigenvalue, determined);
    }

    /** ε such that v_s(x_index) = 0: ε = −½φ''/φ there (requires n &gt; 0 at that point). */
    public double eigenvalueVanishingAt(double[] density, int index) {
        double[] shape = laplacianRatio(density);
        if (!(density[index] > 0)) {
            throw new IllegalArgumentException("density at grid point " + index + " is " + density[index]
                    + ": v_s cannot be pinned there");
        }
        return -shape[index];
    }

    /** ½(Lφ)_j/φ_j with φ = √(n/2); NaN where n ≤ 0. */
    private double[] laplacianRatio(double[] density) {
        grid.checkField(density, "density");
        int n = density.length;
        double[] phi = new double[n];
        for (int j = 0; j < n; j++) {
            double value = density[j];
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("density is not finite at grid point " + j + ": " + value);
            }
            phi[j] = value > 0 ? Math.sqrt(0.5 * value) : 0.0;
        }
        double[] laplacian = new double[n];
        stencil.laplacian(grid, phi, laplacian);
        double[] ratio = new double[n];
        for (int j = 0; j < n; j++) {
            ratio[j] = phi[j] > 0 ? 0.5 * laplacian[j] / phi[j] : Double.NaN;
        }
        return ratio;
    }
}
