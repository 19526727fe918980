package org.ofdft.solver.exact1d;

import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.RealField;
import org.ofdft.solver.ks1d.BandedSymmetricEigensolver;
import org.ofdft.solver.ks1d.FiniteDifferenceHamiltonian1D;
import org.ofdft.solver.ks1d.SymmetricBandMatrix;

/**
 * Exact ground state of two interacting electrons in one dimension in the spin singlet,
 * <pre>
 *   H = −½∂₁² − ½∂₂² + v(x1) + v(x2) + w(x1 − x2),    ψ(x1, x2) = ψ(x2, x1),
 * </pre>
 * on the product of a 1D box grid with itself ({@link TwoElectronHamiltonian1D}: the finite-difference
 * stencil of the Kohn–Sham solver, order 2, 4 or 6), exact up to the eigensolver tolerance. The singlet
 * spin function is antisymmetric, so the spatial wavefunction is symmetric: every iterate is projected
 * onto symmetric arrays (which H leaves invariant). For the 3-point stencil the lowest state of H on the
 * whole product space is anyway nodeless and hence symmetric (H is then an irreducible matrix with
 * non-positive off-diagonal entries: Perron–Frobenius); the projection keeps wider stencils, whose
 * positive off-diagonal entries void that argument, and round-off, in the singlet sector.
 *
 * <p>Eigensolver: LOBPCG for the lowest eigenpair ({@link Lobpcg}) with the tensor-product preconditioner
 * (h + s − ε₀)⁻¹ ⊗ (h + s − ε₀)⁻¹ ({@link TensorPreconditioner}), started from φ₀(x1)φ₀(x2), φ₀ the
 * one-electron ground state of h = −½ d²/dx² + v (exact when w = 0). It stops when ‖Hψ − Eψ‖ ≤
 * {@code residualTolerance} for ψ of unit length, which bounds the energy error by about
 * residualTolerance²/gap and the wavefunction error by residualTolerance/gap. Each step costs one
 * application of H and one of the preconditioner, O(N²p).
 *
 * <p>Instances hold no state between solves and may be reused; not thread-safe.
 */
public final class TwoElectronSinglet1D {

    /** Default stopping residual ‖Hψ − Eψ‖ (hartree). */
    public static final double DEFAULT_RESIDUAL = 1e-9;
    public static final int DEFAULT_MAX_ITERATIONS = 5000;

    private final BoxGrid1D grid;
    private final int order;
    private final Interaction1D interaction;
    private final double residualTolerance;
    private final int maxIterations;

    public TwoElectronSinglet1D(BoxGrid1D grid, int order, Interaction1D interaction) {
        this(grid, order, interaction, DEFAULT_RESIDUAL, DEFAULT_MAX_ITERATIONS);
    }

    public TwoElectronSinglet1D(BoxGrid1D grid, int order, Interaction1D interaction, double residualTolerance,
                                int maxIterations) {
        if (!(residualTolerance > 0)) {
            throw new IllegalArgumentException("residual tolerance must be positive, got " + residualTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maximum number of iterations must be positive, got " + maxIterations);
        }
        if (grid.size() < 2) {
            throw new IllegalArgumentException("two electrons need a grid of at least 2 points, got " + grid.size());
        }
        new org.ofdft.grids.FiniteDifference1D(order); // validates the order with its own message
        if (interaction == null) {
            throw new IllegalArgumentException("electron-electron interaction must be given (use w = 0 explicitly "
                    + "for non-interacting electrons)");
        }
        this.grid = grid;
        this.order = order;
        this.interaction = interaction;
        this.residualTolerance = residualTolerance;
        this.maxIterations = maxIterations;
    }

    public BoxGrid1D grid() {
        return grid;
    }

    public int order() {
        return order;
    }

    public Interaction1D interaction() {
        return interaction;
    }

    /** The ground state in the external potential v (hartree, on the grid). */
    public TwoElectronGroundState solve(RealField externalPotential) {
        if (!externalPotential.grid().equals(grid)) {
            throw new IllegalArgumentException("external potential lives on " + externalPotential.grid()
                    + ", the two-electron grid is " + grid);
        }
        return solve(externalPotential.values());
    }

    /**
     * The ground state in v (hartree, grid order).
     *
     * @throws IllegalStateException if the residual tolerance is not reached within the iteration limit
     */
    public TwoElectronGroundState solve(double[] externalPotential) {
        TwoElectronHamiltonian1D hamiltonian = new TwoElectronHamiltonian1D(grid, order, externalPotential,
                interaction);
        int n = grid.size();
        double h = grid.spacing();

        // one-electron ground state φ₀, ε₀ of h = −½L + v (the start vector and the ion's energy)
        FiniteDifferenceHamiltonian1D oneElectron = new FiniteDifferenceHamiltonian1D(grid, order);
        SymmetricBandMatrix matrix = oneElectron.newMatrix();
        oneElectron.assemble(externalPotential, matrix);
        BandedSymmetricEigensolver eigensolver = new BandedSymmetricEigensolver(n, oneElectron.halfBandwidth());
        double[] lowest = new double[1];
        double[][] orbital = {new double[n]};
        eigensolver.lowest(matrix, 1, lowest, orbital);
        double[] phi = orbital[0];

        double[] psi = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                psi[i * n + j] = phi[i] * phi[j];
            }
        }
        TensorPreconditioner preconditioner = new TensorPreconditioner(n, h, order, externalPotential,
                lowest[0], 1.0 / h);
        Lobpcg lobpcg = new Lobpcg(n * n);
        Lobpcg.Outcome outcome = lobpcg.lowest(hamiltonian::apply, preconditioner,
                x -> TwoElectronHamiltonian1D.symmetrize(x, n), psi, residualTolerance, maxIterations);
        if (!outcome.converged()) {
            throw new IllegalStateException("two-electron eigensolver did not converge: residual "
                    + outcome.residualNorm() + " Ha after " + outcome.iterations() + " LOBPCG iterations (tolerance "
                    + residualTolerance + ")");
        }

        // grid normalization Σψ²h² = 1, positive sign
        double sum = 0;
        for (double value : psi) {
            sum += value;
        }
        double scale = (sum < 0 ? -1.0 : 1.0) / h;
        double[] density = new double[n];
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                double value = psi[i * n + j] * scale;
                psi[i * n + j] = value;
                rowSum += value * value;
            }
            density[i] = 2 * rowSum * h;
        }
        double[] work = new double[n * n];
        hamiltonian.applyKinetic(psi, work);
        double kinetic = 0;
        for (int k = 0; k < psi.length; k++) {
            kinetic += psi[k] * work[k];
        }
        kinetic *= h * h;
        double external = hamiltonian.externalExpectation(psi);
        double interactionEnergy = hamiltonian.interactionExpectation(psi);
        return new TwoElectronGroundState(grid, order, outcome.eigenvalue(), kinetic, external, interactionEnergy,
                lowest[0], density, psi, outcome.residualNorm(), outcome.iterations());
    }
}
