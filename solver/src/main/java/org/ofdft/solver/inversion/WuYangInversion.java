package org.ofdft.solver.inversion;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.grids.Grid1D;
import org.ofdft.solver.ks1d.FiniteDifferenceHamiltonian1D;
import org.ofdft.solver.ks1d.Occupations;
import org.ofdft.solver.ks1d.SymmetricBandMatrix;

/**
 * Inverse Kohn–Sham for any number of electrons: the local potential v whose non-interacting ground-state
 * density is a given n₀, by the method of Q. Wu and W. Yang, J. Chem. Phys. 118, 2498 (2003). The
 * functional
 * <pre>
 *   W[v] = Σ_i f_i ε_i[v] − ∫ v n₀          ( = T_s[Φ_v] + ∫ v (n_v − n₀) )
 * </pre>
 * is concave in v, with gradient δW/δv(x) = n_v(x) − n₀(x) (Hellmann–Feynman) and Hessian the static
 * Kohn–Sham response χ_s; its maximum is at the v that reproduces n₀ (unique up to a constant). We use
 * Newton's method on the grid (Wu and Yang §II.C), with the response from all eigenpairs of the discrete
 * one-electron Hamiltonian (same stencil as the Kohn–Sham solver),
 * <pre>
 *   δn_j = Σ_l χ_jl δv_l h,    χ_jl = Σ_{i&lt;a} 2(f_i − f_a)/(ε_i − ε_a) φ_i(x_j)φ_a(x_j) φ_i(x_l)φ_a(x_l),
 * </pre>
 * (first-order perturbation theory; f the occupations per orbital). The Newton step solves
 * −χh·δv = n_v − n₀ by the pseudo-inverse of the positive semi-definite −χh, dropping its eigenvalues below
 * {@code 1e-10} of the largest: the constant shift (an exact null vector) and the directions to which
 * the density is blind (potential changes where n is negligible) are left untouched, so v keeps its
 * starting values there. A backtracking line search keeps W increasing. Dense O(N³) per step (EJML's
 * symmetric QR algorithm, twice) — meant for grids of a few hundred points.
 *
 * <p>The constant of the result is chosen by the caller: {@code homoEigenvalue} (e.g. −I, the physical
 * choice for v → 0 far away) shifts v so that the highest occupied eigenvalue takes that value; NaN keeps
 * the constant of the starting potential. The iteration stops when ∫|n_v − n₀| ≤ {@code tolerance}.
 *
 * <p>Not thread-safe (owns its workspace; the N×N response matrices are allocated once per {@code invert}).
 */
public final class WuYangInversion {

    /** The outcome: potential, its density and eigenvalues, the final ∫|n_v − n₀|, Newton steps. */
    public record Result(KohnShamPotential potential, double[] density, double[] eigenvalues,
                         double densityErrorL1, int iterations, boolean converged) {
    }

    private static final double RELATIVE_CUTOFF = 1e-10;

    private final Grid1D grid;
    private final FiniteDifferenceHamiltonian1D hamiltonian;
    private final SpinTreatment spin;
    private final SymmetricBandMatrix matrix;
    private final int size;
    private final DMatrixRMaj dense;
    private final EigenDecomposition_F64<DMatrixRMaj> eigen;
    private final double[] eigenvalues;
    private final double[][] orbitals;
    private final Integer[] order;
    private final double[] unsortedEigenvalues;
    private final double[] matrixVector;

    public WuYangInversion(Grid1D grid, int order, SpinTreatment spin) {
        this.grid = grid;
        this.hamiltonian = new FiniteDifferenceHamiltonian1D(grid, order);
        this.spin = spin;
        this.matrix = hamiltonian.newMatrix();
        this.size = grid.size();
        this.dense = new DMatrixRMaj(size, size);
        this.eigen = DecompositionFactory_DDRM.eig(size, true, true);
        this.eigenvalues = new double[size];
        this.orbitals = new double[size][size];
        this.order = new Integer[size];
        this.unsortedEigenvalues = new double[size];
        this.matrixVector = new double[size];
    }

    /**
     * @param targetDensity    n₀ (grid order), ∫n₀ = electrons
     * @param electrons        number of electrons
     * @param initialPotential starting v (hartree; e.g. zeros, or v_ext + a guess for v_Hxc)
     * @param homoEigenvalue   the highest occupied eigenvalue the result is shifted to; NaN for no shift
     * @param tolerance        stop when ∫|n_v − n₀| dx ≤ tolerance
     * @param maxIterations    Newton steps at most
     */
    public Result invert(double[] targetDensity, double electrons, double[] initialPotential, double homoEigenvalue,
                         double tolerance, int maxIterations) {
        grid.checkField(targetDensity, "target density");
        grid.checkField(initialPotential, "initial potential");
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("density tolerance must be positive, got " + tolerance);
        }
        double h = grid.spacing();
        double total = 0;
        for (int j = 0; j < size; j++) {
            if (!(targetDensity[j] >= 0) || !Double.isFinite(targetDensity[j])) {
                throw new IllegalArgumentException("target density must be finite and non-negative; grid point " + j
                        + " holds " + targetDensity[j]);
            }
            total += targetDensity[j] * h;
        }
        if (Math.abs(total - electrons) > 1e-6 * electrons) {
            throw new IllegalArgumentException("target density integrates to " + total + ", not to " + electrons
                    + " electrons");
        }
        double[] f = Occupations.aufbau(electrons, spin);
        if (f.length >= size) {
            throw new IllegalArgumentException(electrons + " electrons need " + f.length + " orbitals; the grid has "
                    + size + " points");
        }
        double[] v = initialPotential.clone();
        double[] density = new double[size];
        double[] trial = new double[size];
        double[] trialDensity = new double[size];
        double[] step = new double[size];
        double[] difference = new double[size];
        double[][] response = new double[size][size];
        DMatrixRMaj responseMatrix = new DMatrixRMaj(size, size);
        EigenDecomposition_F64<DMatrixRMaj> responseEigen = DecompositionFactory_DDRM.eig(size, true, true);

        double w = evaluate(v, f, targetDensity, density);
        double error = l1(density, targetDensity);
        int iteration = 0;
        while (error > tolerance && iteration < maxIterations) {
            iteration++;
            // −χh (positive semi-definite), from the eigenpairs of the last evaluate(v)
            for (double[] row : response) {
                Arrays.fill(row, 0.0);
            }
            for (int i = 0; i < f.length; i++) {
                for (int a = i + 1; a < size; a++) {
                    double fa = a < f.length ? f[a] : 0.0;
                    double weight = 2 * (f[i] - fa) / (eigenvalues[a] - eigenvalues[i]) * h;
                    if (weight == 0) {
                        continue;
                    }
                    double[] pi = orbitals[i];
                    double[] pa = orbitals[a];
                    for (int j = 0; j < size; j++) {
                        double left = weight * pi[j] * pa[j];
                        double[] row = response[j];
                        for (int l = 0; l <= j; l++) {
                            row[l] += left * pi[l] * pa[l];
                        }
                    }
                }
            }
            for (int j = 0; j < size; j++) {
                for (int l = 0; l <= j; l++) {
                    responseMatrix.set(j, l, response[j][l]);
                    responseMatrix.set(l, j, response[j][l]);
                }
                difference[j] = density[j] - targetDensity[j];
            }
            if (!responseEigen.decompose(responseMatrix)) {
                throw new ArithmeticException("eigendecomposition of the Kohn-Sham response failed at step " + iteration);
            }
            double largest = 0;
            for (int k = 0; k < size; k++) {
                largest = Math.max(largest, responseEigen.getEigenvalue(k).getReal());
            }
            // δv = (−χh)⁺ (n_v − n₀) on the eigenvalues above the cutoff
            Arrays.fill(step, 0.0);
            for (int k = 0; k < size; k++) {
                double lambda = responseEigen.getEigenvalue(k).getReal();
                if (!(lambda > RELATIVE_CUTOFF * largest)) {
                    continue;
                }
                DMatrixRMaj q = responseEigen.getEigenVector(k);
                double projection = 0;
                for (int j = 0; j < size; j++) {
                    projection += q.data[j] * difference[j];
                }
                double coefficient = projection / lambda;
                for (int j = 0; j < size; j++) {
                    step[j] += coefficient * q.data[j];
                }
            }
            // backtracking: accept the first t = 1, ½, ¼, … that does not decrease W beyond round-off
            double t = 1.0;
            boolean accepted = false;
            for (int halving = 0; halving < 40; halving++) {
                for (int j = 0; j < size; j++) {
                    trial[j] = v[j] + t * step[j];
                }
                double wTrial = evaluate(trial, f, targetDensity, trialDensity);
                if (wTrial >= w - 1e-13 * (1 + Math.abs(w))) {
                    System.arraycopy(trial, 0, v, 0, size);
                    System.arraycopy(trialDensity, 0, density, 0, size);
                    w = wTrial;
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                evaluate(v, f, targetDensity, density); // restore the eigenpairs of v
                break;
            }
            error = l1(density, targetDensity);
        }
        evaluate(v, f, targetDensity, density);
        error = l1(density, targetDensity);
        double homo = eigenvalues[f.length - 1];
        if (!Double.isNaN(homoEigenvalue)) {
            double shift = homoEigenvalue - homo;
            for (int j = 0; j < size; j++) {
                v[j] += shift;
            }
            for (int k = 0; k < size; k++) {
                eigenvalues[k] += shift;
            }
            homo = homoEigenvalue;
        }
        boolean[] determined = new boolean[size];
        Arrays.fill(determined, true);
        return new Result(new KohnShamPotential(v, homo, determined), density.clone(),
                Arrays.copyOf(eigenvalues, f.length), error, iteration, error <= tolerance);
    }

    /**
     * Diagonalizes −½L + v (all pairs, ascending, orbitals in grid order with Σφ²h = 1), forms n_v and
     * returns W[v] = Σ f_i ε_i − Σ_j v_j n₀_j h.
     */
    private double evaluate(double[] v, double[] f, double[] targetDensity, double[] density) {
        hamiltonian.assemble(v, matrix);
        double[][] entries = matrix.toDense();
        for (int r = 0; r < size; r++) {
            System.arraycopy(entries[r], 0, dense.data, r * size, size);
        }
        if (!eigen.decompose(dense)) {
            throw new ArithmeticException("eigendecomposition of the one-electron Hamiltonian failed");
        }
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        double[] values = unsortedEigenvalues;
        for (int k = 0; k < size; k++) {
            values[k] = eigen.getEigenvalue(k).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double scale = 1.0 / Math.sqrt(grid.spacing());
        for (int k = 0; k < size; k++) {
            int source = order[k];
            eigenvalues[k] = values[source];
            DMatrixRMaj vector = eigen.getEigenVector(source);
            System.arraycopy(vector.data, 0, matrixVector, 0, size);
            hamiltonian.toGridOrder(matrixVector, orbitals[k]);
            double[] phi = orbitals[k];
            for (int j = 0; j < size; j++) {
                phi[j] *= scale;
            }
        }
        Arrays.fill(density, 0.0);
        double sumEigenvalues = 0;
        for (int i = 0; i < f.length; i++) {
            sumEigenvalues += f[i] * eigenvalues[i];
            double[] phi = orbitals[i];
            for (int j = 0; j < size; j++) {
                density[j] += f[i] * phi[j] * phi[j];
            }
        }
        double potentialTerm = 0;
        for (int j = 0; j < size; j++) {
            potentialTerm += v[j] * targetDensity[j];
        }
        return sumEigenvalues - potentialTerm * grid.spacing();
    }

    private double l1(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < size; j++) {
            sum += Math.abs(a[j] - b[j]);
        }
        return sum * grid.spacing();
    }
}
