package org.ofdft.solver.ks1d;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ofdft.functionals.SpinTreatment;

/**
 * Non-interacting electrons in a hard-walled box [a, b] solved in the sine basis of the box,
 * φ_k(x) = √(2/L) sin(kπ(x − a)/L), k = 1…K. The basis satisfies the walls exactly and converges
 * exponentially for smooth potentials, so it gives reference eigenvalues, kinetic energies and densities
 * free of the O(h²) error of finite differences (Snyder et al., PRL 108, 253002 (2012) need T_s to
 * ~1e-6 Ha; a 3-point stencil on their 500 points is off by mHa).
 *
 * <p>Matrix elements: H_kl = ½(kπ/L)² δ_kl + C_|k−l| − C_(k+l), with the cosine moments
 * C_m = (1/L) ∫ v(x) cos(mπ(x − a)/L) dx (from φ_kφ_l = [cos((k−l)θ) − cos((k+l)θ)]/L), integrated by
 * composite Gauss–Legendre quadrature. The moments come from one pass over the quadrature nodes with the
 * Chebyshev recurrence cos((m+1)θ) = 2cos θ cos(mθ) − cos((m−1)θ).
 */
public final class BoxSineBasisSolver {

    private final double wallLeft;
    private final double length;
    private final int basisSize;
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param basisSize K, the number of sine functions
     * @param quadraturePanels panels of 16-point Gauss–Legendre quadrature for the cosine moments; they
     *     must resolve both the potential and cos(2Kπx/L)
     */
    public BoxSineBasisSolver(double wallLeft, double wallRight, int basisSize, int quadraturePanels) {
        if (!(wallRight > wallLeft) || !Double.isFinite(wallLeft) || !Double.isFinite(wallRight)) {
            throw new IllegalArgumentException("box walls must be finite with left < right, got ["
                    + wallLeft + ", " + wallRight + "]");
        }
        if (basisSize < 1) {
            throw new IllegalArgumentException("sine basis size must be positive, got " + basisSize);
        }
        if (quadraturePanels < 1) {
            throw new IllegalArgumentException("quadrature panels must be positive, got " + quadraturePanels);
        }
        this.wallLeft = wallLeft;
        this.length = wallRight - wallLeft;
        this.basisSize = basisSize;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(16, 0, length / quadraturePanels);
        int points = rule.getNumberOfPoints();
        nodes = new double[points * quadraturePanels];
        weights = new double[nodes.length];
        for (int p = 0; p < quadraturePanels; p++) {
            for (int i = 0; i < points; i++) {
                nodes[p * points + i] = wallLeft + p * length / quadraturePanels + rule.getPoint(i);
                weights[p * points + i] = rule.getWeight(i);
            }
        }
    }

    /** K = 256 sine functions and 512 panels: T_s converged to ~1e-10 Ha for Snyder's wells on [0, 1]. */
    public static BoxSineBasisSolver forBox(double wallLeft, double wallRight) {
        return new BoxSineBasisSolver(wallLeft, wallRight, 256, 512);
    }

    public int basisSize() {
        return basisSize;
    }

    /** Lowest orbitals of −½ d²/dx² + v(x) filled with the given electrons (aufbau). */
    public BoxEigenstates solve(DoubleUnaryOperator potential, double electrons, SpinTreatment spin) {
        double[] occupations = Occupations.aufbau(electrons, spin);
        if (occupations.length > basisSize) {
            throw new IllegalArgumentException(occupations.length + " orbitals requested from a sine basis of "
                    + basisSize);
        }
        double[] moments = cosineMoments(potential);
        int size = basisSize;
        DMatrixRMaj hamiltonian = new DMatrixRMaj(size, size);
        for (int k = 1; k <= size; k++) {
            for (int l = 1; l <= size; l++) {
                double element = moments[Math.abs(k - l)] - moments[k + l];
                if (k == l) {
                    double wave = k * Math.PI / length;
                    element += 0.5 * wave * wave;
                }
                hamiltonian.unsafe_set(k - 1, l - 1, element);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eigen.decompose(hamiltonian)) {
            throw new IllegalStateException("sine-basis eigen decomposition failed");
        }
        int[] order = lowestIndices(eigen, occupations.length);
        double[] eigenvalues = new double[occupations.length];
        double[][] coefficients = new double[occupations.length][];
        for (int i = 0; i < order.length; i++) {
            eigenvalues[i] = eigen.getEigenvalue(order[i]).getReal();
            coefficients[i] = eigen.getEigenVector(order[i]).getData().clone();
        }
        return new BoxEigenstates(wallLeft, length, eigenvalues, occupations, coefficients);
    }

    /** C_m = (1/L) ∫ v(x) cos(mπ(x − a)/L) dx for m = 0…2K. */
    double[] cosineMoments(DoubleUnaryOperator potential) {
        double[] moments = new double[2 * basisSize + 1];
        for (int q = 0; q < nodes.length; q++) {
            double weightedPotential = weights[q] * potential.applyAsDouble(nodes[q]) / length;
            double theta = Math.PI * (nodes[q] - wallLeft) / length;
            double twoCos = 2 * Math.cos(theta);
            double previous = 1;
            double current = Math.cos(theta);
            moments[0] += weightedPotential;
            moments[1] += weightedPotential * current;
            for (int m = 2; m < moments.length; m++) {
                double next = twoCos * current - previous;
                previous = current;
                current = next;
                moments[m] += weightedPotential * current;
            }
        }
        return moments;
    }

    private static int[] lowestIndices(EigenDecomposition_F64<DMatrixRMaj> eigen, int count) {
        int n = eigen.getNumberOfEigenvalues();
        Integer[] indices = new Integer[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        java.util.Arrays.sort(indices, (i, j) -> Double.compare(eigen.getEigenvalue(i).getReal(),
                eigen.getEigenvalue(j).getReal()));
        int[] lowest = new int[count];
        for (int i = 0; i < count; i++) {
            lowest[i] = indices[i];
        }
        return lowest;
    }
}
