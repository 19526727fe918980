package org.ofdft.solver.ks1d;

import org.ofdft.grids.FiniteDifference1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.PeriodicGrid1D;

/**
 * The one-electron Hamiltonian H = −½ d²/dx² + v(x) on a 1D grid, with the kinetic operator the central
 * finite difference of order 2, 4 or 6 of {@link FiniteDifference1D}:
 * <pre>
 *   (Hφ)_j = −(1/2h²) Σ_{k=−p..p} c_|k| φ_{j+k} + v_j φ_j,
 * </pre>
 * c = (−2, 1), (−5/2, 4/3, −1/12), (−49/18, 3/2, −3/20, 1/90) (Fornberg, Math. Comp. 51, 699 (1988)).
 *
 * <p><b>Box</b> ({@link org.ofdft.grids.BoxGrid1D}): φ = 0 outside the interior points (walls one spacing
 * beyond the end points, the convention of JAX-DFT's kinetic matrix). H is a band matrix of half bandwidth
 * p in grid order. For the 3-point stencil this is the exact Dirichlet problem; the wider stencils see zero
 * "ghost" values beyond the wall where the odd continuation of φ would be −φ, which costs them their order
 * near a wall (see {@code ParticleInBoxConvergenceTest}).
 *
 * <p><b>Periodic</b> ({@link PeriodicGrid1D}): the stencil wraps around, so H is cyclic-banded. The points
 * are then stored in the folded order 0, N−1, 1, N−2, 2, … (grid point g at position 2g for g &lt; ⌈N/2⌉,
 * at 2(N−1−g)+1 otherwise), in which points at cyclic distance d ≤ p sit at most 2d positions apart: an
 * ordinary band matrix of half bandwidth 2p, for the band eigensolver. Vectors are converted with
 * {@link #toGridOrder} / {@link #toMatrixOrder}. Requires N ≥ 2p + 1 (a stencil that wraps onto itself is
 * refused).
 */
public final class FiniteDifferenceHamiltonian1D {

    private final Grid1D grid;
    private final FiniteDifference1D stencil;
    private final boolean periodic;
    private final int halfBandwidth;
    /** position[g]: row of grid point g in the matrix (identity for the box). */
    private final int[] position;
    private final double[] laplacianScratch;

    public FiniteDifferenceHamiltonian1D(Grid1D grid, int order) {
        this.grid = grid;
        this.stencil = new FiniteDifference1D(order);
        this.periodic = grid instanceof PeriodicGrid1D;
        int n = grid.size();
        int p = stencil.halfBandwidth();
        this.position = new int[n];
        if (periodic) {
            if (n < 2 * p + 1) {
                throw new IllegalArgumentException("a periodic grid of " + n + " points is too small for the "
                        + order + "th-order stencil (needs at least " + (2 * p + 1) + ")");
            }
            int half = (n + 1) / 2;
            for (int g = 0; g < n; g++) {
                position[g] = g < half ? 2 * g : 2 * (n - 1 - g) + 1;
            }
            this.halfBandwidth = Math.min(2 * p, n - 1);
        } else {
            for (int g = 0; g < n; g++) {
                position[g] = g;
            }
            this.halfBandwidth = Math.min(p, n - 1);
        }
        this.laplacianScratch = new double[n];
    }

    public Grid1D grid() {
        return grid;
    }

    /** Finite-difference order 2, 4 or 6. */
    public int order() {
        return stencil.order();
    }

    public FiniteDifference1D stencil() {
        return stencil;
    }

    public boolean periodic() {
        return periodic;
    }

    /** Half bandwidth of the matrix: p for a box, 2p for a periodic grid (folded order). */
    public int halfBandwidth() {
        return halfBandwidth;
    }

    /** A zero matrix of the right size and bandwidth. */
    public SymmetricBandMatrix newMatrix() {
        return new SymmetricBandMatrix(grid.size(), halfBandwidth);
    }

    /** out ← −½ L + diag(v), v in grid order (hartree). */
    public void assemble(double[] potential, SymmetricBandMatrix out) {
        grid.checkField(potential, "potential");
        if (out.size() != grid.size() || out.halfBandwidth() != halfBandwidth) {
            throw new IllegalArgumentException("matrix is " + out.size() + " × " + out.size() + " with half bandwidth "
                    + out.halfBandwidth() + "; expected " + grid.size() + " and " + halfBandwidth);
        }
        out.clear();
        int n = grid.size();
        int p = stencil.halfBandwidth();
        double h = grid.spacing();
        double factor = -0.5 / (h * h);
        for (int g = 0; g < n; g++) {
            int row = position[g];
            out.add(row, row, factor * stencil.coefficient(0) + potential[g]);
            for (int k = 1; k <= p; k++) {
                int neighbour = g + k;
                if (neighbour >= n) {
                    if (!periodic) {
                        break;
                    }
                    neighbour -= n;
                }
                out.add(row, position[neighbour], factor * stencil.coefficient(k));
            }
        }
    }

    /** gridVector[g] ← matrixVector[position(g)]. */
    public void toGridOrder(double[] matrixVector, double[] gridVector) {
        for (int g = 0; g < position.length; g++) {
            gridVector[g] = matrixVector[position[g]];
        }
    }

    /** matrixVector[position(g)] ← gridVector[g]. */
    public void toMatrixOrder(double[] gridVector, double[] matrixVector) {
        for (int g = 0; g < position.length; g++) {
            matrixVector[position[g]] = gridVector[g];
        }
    }

    /**
     * ⟨φ|−½∇²|φ⟩ = −½ Σ_j φ_j (Lφ)_j h for φ in grid order (normalized or not: this is the plain quadratic
     * form), with the same stencil and the same summation as {@code VonWeizsacker} applied to n = φ².
     */
    public double kineticExpectation(double[] phi) {
        stencil.laplacian(grid, phi, laplacianScratch);
        double sum = 0;
        for (int j = 0; j < phi.length; j++) {
            sum += phi[j] * laplacianScratch[j];
        }
        return -0.5 * sum * grid.spacing();
    }
}
