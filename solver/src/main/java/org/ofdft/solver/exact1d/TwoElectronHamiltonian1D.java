package org.ofdft.solver.exact1d;

import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.FiniteDifference1D;

/**
 * The Hamiltonian of two electrons on a line, on the product grid (x_i, x_j) of a 1D box grid,
 * <pre>
 *   (Hψ)_ij = −(1/2h²) Σ_{k=−p..p} c_|k| (ψ_{i+k,j} + ψ_{i,j+k}) + [v(x_i) + v(x_j) + w(x_i − x_j)] ψ_ij,
 * </pre>
 * with the central finite-difference coefficients c_k of order 2, 4 or 6 ({@link FiniteDifference1D},
 * the stencil of the 1D Kohn–Sham solver) and ψ = 0 outside the box (walls one spacing beyond the end
 * points). ψ is stored row-major, ψ_ij at {@code i·N + j} (i: electron 1, j: electron 2). H commutes with
 * the exchange ψ_ij → ψ_ji, so it maps symmetric (spin-singlet) arrays to symmetric arrays. Applied
 * matrix-free in O(N²p); the N² diagonal v_i + v_j + w_ij is stored once.
 *
 * <p>The interaction w(0) enters on the diagonal x_i = x_j, as in a lattice model with on-site
 * interaction; this is the Hamiltonian that DMRG on the same grid treats (pedersor/DFT_1d
 * {@code DMRG_1d}: one-body hopping and V_ee(x_i − x_j) including i = j).
 */
public final class TwoElectronHamiltonian1D {

    private final BoxGrid1D grid;
    private final int points;
    private final FiniteDifference1D stencil;
    /** −c_k/(2h²), k = 0..p: the one-dimensional kinetic stencil. */
    private final double[] kinetic;
    private final double[] externalPotential;
    private final double[] interactionOnGrid;
    /** v_i + v_j + w(x_i − x_j), row-major. */
    private final double[] potential;

    /**
     * @param grid              box grid of one electron (periodic grids are refused: the interaction of
     *                          two electrons on a ring needs a choice of images this class does not make)
     * @param order             finite-difference order 2, 4 or 6
     * @param externalPotential v(x_j) in hartree on {@code grid}
     * @param interaction       electron–electron interaction w(x1 − x2)
     */
    public TwoElectronHamiltonian1D(BoxGrid1D grid, int order, double[] externalPotential,
                                    Interaction1D interaction) {
        grid.checkField(externalPotential, "external potential");
        for (int j = 0; j < externalPotential.length; j++) {
            if (!Double.isFinite(externalPotential[j])) {
                throw new IllegalArgumentException("external potential is not finite at grid point " + j + ": "
                        + externalPotential[j]);
            }
        }
        this.grid = grid;
        this.points = grid.size();
        this.stencil = new FiniteDifference1D(order);
        int p = stencil.halfBandwidth();
        double h = grid.spacing();
        this.kinetic = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            kinetic[k] = -0.5 * stencil.coefficient(k) / (h * h);
        }
        this.externalPotential = externalPotential.clone();
        // w depends on |i − j| only: N values instead of N².
        this.interactionOnGrid = new double[points];
        for (int d = 0; d < points; d++) {
            interactionOnGrid[d] = interaction.at(d * h);
            if (!Double.isFinite(interactionOnGrid[d])) {
                throw new IllegalArgumentException("interaction " + interaction.name() + " is not finite at distance "
                        + d * h + " bohr");
            }
        }
        this.potential = new double[points * points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                potential[i * points + j] = externalPotential[i] + externalPotential[j]
                        + interactionOnGrid[Math.abs(i - j)];
            }
        }
    }

    public BoxGrid1D grid() {
        return grid;
    }

    /** Points per dimension N (the product grid has N²). */
    public int points() {
        return points;
    }

    public int order() {
        return stencil.order();
    }

    /** v(x_j) (a copy). */
    public double[] externalPotential() {
        return externalPotential.clone();
    }

    /** w(d·h) for d = 0..N−1 (a copy). */
    public double[] interactionByDistance() {
        return interactionOnGrid.clone();
    }

    /** out ← Hψ ({@code out} must not be {@code psi}). */
    public void apply(double[] psi, double[] out) {
        applyKinetic(psi, out, true);
    }

    /** out ← Tψ, the kinetic part −½(∂₁² + ∂₂²) only. */
    public void applyKinetic(double[] psi, double[] out) {
        applyKinetic(psi, out, false);
    }

    private void applyKinetic(double[] psi, double[] out, boolean withPotential) {
        int n = points;
        if (psi.length != n * n || out.length != n * n) {
            throw new IllegalArgumentException("two-electron arrays must have " + n * n + " entries, got "
                    + psi.length + " and " + out.length);
        }
        int p = kinetic.length - 1;
        double diagonal = 2 * kinetic[0];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            if (withPotential) {
                for (int j = 0; j < n; j++) {
                    out[row + j] = (diagonal + potential[row + j]) * psi[row + j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    out[row + j] = diagonal * psi[row + j];
                }
            }
            for (int k = 1; k <= p; k++) {
                double c = kinetic[k];
                // electron 2: neighbours along the row
                for (int j = k; j < n; j++) {
                    out[row + j] += c * psi[row + j - k];
                }
                for (int j = 0; j < n - k; j++) {
                    out[row + j] += c * psi[row + j + k];
                }
                // electron 1: neighbouring rows
                if (i - k >= 0) {
                    int other = row - k * n;
                    for (int j = 0; j < n; j++) {
                        out[row + j] += c * psi[other + j];
                    }
                }
                if (i + k < n) {
                    int other = row + k * n;
                    for (int j = 0; j < n; j++) {
                        out[row + j] += c * psi[other + j];
                    }
                }
            }
        }
    }

    /** ⟨ψ|v(x1) + v(x2)|ψ⟩ = Σ_ij (v_i + v_j) ψ_ij² h² for ψ normalized with the grid weight. */
    public double externalExpectation(double[] psi) {
        int n = points;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double value = psi[i * n + j];
                sum += (externalPotential[i] + externalPotential[j]) * value * value;
            }
        }
        return sum * grid.spacing() * grid.spacing();
    }

    /** ⟨ψ|w(x1 − x2)|ψ⟩ = Σ_ij w_ij ψ_ij² h². */
    public double interactionExpectation(double[] psi) {
        int n = points;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double value = psi[i * n + j];
                sum += interactionOnGrid[Math.abs(i - j)] * value * value;
            }
        }
        return sum * grid.spacing() * grid.spacing();
    }

    /** ψ_ij, ψ_ji ← ½(ψ_ij + ψ_ji): projection onto the exchange-symmetric (singlet) subspace. */
    static void symmetrize(double[] psi, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double mean = 0.5 * (psi[i * n + j] + psi[j * n + i]);
                psi[i * n + j] = mean;
                psi[j * n + i] = mean;
            }
        }
    }
}
