package org.ofdft.solver.ks1d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BandedSymmetricEigensolver} against Commons Math's dense {@link EigenDecomposition} on random
 * symmetric band matrices (p = 1, 2, 3), on exactly degenerate spectra, and on a cyclic (periodic) band
 * matrix through the folded ordering. Eigenvalues agree to a few ε‖A‖; eigenvectors are checked by
 * their residual ‖Ax − λx‖ and orthonormality (signs and degenerate subspaces are not unique).
 */
class BandedSymmetricEigensolverTest {

    private static final double EPS = Math.ulp(1.0);

    static SymmetricBandMatrix randomBand(int n, int p, long seed) {
        Random random = new Random(seed);
        SymmetricBandMatrix a = new SymmetricBandMatrix(n, p);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= p && i + k < n; k++) {
                a.set(i, i + k, 2 * random.nextDouble() - 1);
            }
        }
        return a;
    }

    static double[] denseEigenvalues(double[][] dense) {
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(dense, false)).getRealEigenvalues();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    static void assertEigenpairs(SymmetricBandMatrix a, int count, double[] values, double[][] vectors,
                                 double[] reference, double tolerance) {
        int n = a.size();
        double norm = a.normInf();
        double[] product = new double[n];
        for (int j = 0; j < count; j++) {
            assertEquals(reference[j], values[j], tolerance, "eigenvalue " + j);
            a.multiply(vectors[j], product);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double r = product[i] - values[j] * vectors[j][i];
                residual += r * r;
            }
            assertTrue(Math.sqrt(residual) < 100 * n * EPS * norm,
                    "residual of pair " + j + ": " + Math.sqrt(residual) + " (‖A‖ = " + norm + ")");
            for (int k = 0; k <= j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += vectors[j][i] * vectors[k][i];
                }
                assertEquals(k == j ? 1.0 : 0.0, dot, 1e-10, "⟨x_" + j + "|x_" + k + "⟩");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 6", "2, 1, 8", "1, 2, 6", "2, 2, 8", "1, 3, 6", "2, 3, 8", "3, 3, 40"})
    void randomBandMatricesMatchDenseSolver(long seed, int p, int count) {
        for (int n : new int[] {7, 60, 173}) {
            SymmetricBandMatrix a = randomBand(n, p, seed * 1000 + n);
            int k = Math.min(count, n);
            double[] values = new double[k];
            double[][] vectors = new double[k][n];
            new BandedSymmetricEigensolver(n, p).lowest(a, k, values, vectors);
            double[] reference = denseEigenvalues(a.toDense());
            assertEigenpairs(a, k, values, vectors, reference, 8 * EPS * a.normInf() * Math.max(1, Math.log(n)));
        }
    }

    @Test
    void countBelowIsTheInertia() {
        for (int p = 1; p <= 3; p++) {
            SymmetricBandMatrix a = randomBand(90, p, 77 + p);
            double[] reference = denseEigenvalues(a.toDense());
            BandedSymmetricEigensolver solver = new BandedSymmetricEigensolver(90, p);
            Random random = new Random(5);
            for (int trial = 0; trial < 200; trial++) {
                double sigma = -3 + 6 * random.nextDouble();
                int expected = 0;
                while (expected < reference.length && reference[expected] < sigma) {
                    expected++;
                }
                assertEquals(expected, solver.countBelow(a, sigma), "p = " + p + ", σ = " + sigma);
            }
        }
    }

    @Test
    void degenerateSpectrumGetsOrthonormalVectors() {
        // Block-diagonal: the same random 40×40 band block three times, so every eigenvalue is triple.
        int block = 40;
        int p = 2;
        SymmetricBandMatrix b = randomBand(block, p, 11);
        SymmetricBandMatrix a = new SymmetricBandMatrix(3 * block, p);
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < block; i++) {
                for (int k = 0; k <= p && i + k < block; k++) {
                    a.set(copy * block + i, copy * block + i + k, b.get(i, i + k));
                }
            }
        }
        int k = 9;
        double[] values = new double[k];
        double[][] vectors = new double[k][3 * block];
        new BandedSymmetricEigensolver(3 * block, p).lowest(a, k, values, vectors);
        double[] reference = denseEigenvalues(a.toDense());
        assertEigenpairs(a, k, values, vectors, reference, 16 * EPS * a.normInf());
        assertEquals(values[0], values[2], 16 * EPS * a.normInf());
    }

    @Test
    void diagonalAndOneByOne() {
        SymmetricBandMatrix a = new SymmetricBandMatrix(5, 0);
        double[] d = {3, -1, 2, -1, 0.5};
        for (int i = 0; i < 5; i++) {
            a.set(i, i, d[i]);
        }
        double[] values = new double[5];
        double[][] vectors = new double[5][5];
        new BandedSymmetricEigensolver(5, 0).lowest(a, 5, values, vectors);
        assertEigenpairs(a, 5, values, vectors, new double[] {-1, -1, 0.5, 2, 3}, 1e-14);

        SymmetricBandMatrix one = new SymmetricBandMatrix(1, 1);
        one.set(0, 0, -2.5);
        double[] v = new double[1];
        double[][] x = new double[1][1];
        new BandedSymmetricEigensolver(1, 1).lowest(one, 1, v, x);
        assertEquals(-2.5, v[0], 1e-15);
        assertEquals(1.0, x[0][0], 0);
    }

    @Test
    void warmStartGivesTheSameAnswer() {
        int n = 200;
        int p = 3;
        SymmetricBandMatrix a = randomBand(n, p, 99);
        BandedSymmetricEigensolver solver = new BandedSymmetricEigensolver(n, p);
        double[] cold = new double[6];
        solver.eigenvalues(a, 6, cold);
        int coldCounts = solver.countEvaluations();
        double[] guesses = cold.clone();
        for (int j = 0; j < guesses.length; j++) {
            guesses[j] += 1e-7 * (j % 2 == 0 ? 1 : -1);
        }
        double[] warm = new double[6];
        solver.eigenvalues(a, 6, warm, guesses);
        int warmCounts = solver.countEvaluations() - coldCounts;
        for (int j = 0; j < 6; j++) {
            assertEquals(cold[j], warm[j], 4 * EPS * a.normInf());
        }
        assertTrue(warmCounts < coldCounts, "warm start used " + warmCounts + " counts, cold " + coldCounts);
        // Nonsense guesses cost counts but not correctness.
        double[] wrong = new double[6];
        solver.eigenvalues(a, 6, wrong, new double[] {100, -100, Double.NaN, 0, 0, 0});
        for (int j = 0; j < 6; j++) {
            assertEquals(cold[j], wrong[j], 4 * EPS * a.normInf());
        }
    }

    @Test
    void cyclicBandMatrixThroughFoldedOrder() {
        // Periodic 6th-order Hamiltonian with a random potential: cyclic band (p = 3) in grid order,
        // band of half width 6 in folded order.
        int n = 41;
        var grid = org.ofdft.grids.Grid1D.periodic(0.0, 8.0, n);
        FiniteDifferenceHamiltonian1D hamiltonian = new FiniteDifferenceHamiltonian1D(grid, 6);
        assertEquals(6, hamiltonian.halfBandwidth());
        Random random = new Random(3);
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = 2 * random.nextDouble() - 1;
        }
        SymmetricBandMatrix folded = hamiltonian.newMatrix();
        hamiltonian.assemble(v, folded);
        // Dense cyclic matrix in grid order, built independently from the stencil.
        double h = grid.spacing();
        double[] c = {-49.0 / 18, 3.0 / 2, -3.0 / 20, 1.0 / 90};
        double[][] dense = new double[n][n];
        for (int j = 0; j < n; j++) {
            dense[j][j] += v[j];
            for (int k = -3; k <= 3; k++) {
                dense[j][Math.floorMod(j + k, n)] += -0.5 * c[Math.abs(k)] / (h * h);
            }
        }
        double[] reference = denseEigenvalues(dense);
        int k = 12;
        double[] values = new double[k];
        double[][] vectors = new double[k][n];
        new BandedSymmetricEigensolver(n, hamiltonian.halfBandwidth()).lowest(folded, k, values, vectors);
        assertEigenpairs(folded, k, values, vectors, reference, 16 * EPS * folded.normInf());
        // Back in grid order the vectors are eigenvectors of the cyclic matrix.
        double[] x = new double[n];
        for (int j = 0; j < k; j++) {
            hamiltonian.toGridOrder(vectors[j], x);
            double residual = 0;
            for (int r = 0; r < n; r++) {
                double s = -values[j] * x[r];
                for (int col = 0; col < n; col++) {
                    s += dense[r][col] * x[col];
                }
                residual = Math.max(residual, Math.abs(s));
            }
            assertTrue(residual < 1e-11 * folded.normInf(), "grid-order residual " + residual);
        }
    }

    /**
     * Finite-difference Hamiltonians with a smooth well: structured matrices whose unpivoted banded LDLᵀ
     * counts are unreliable for p ≥ 2 (see BandTridiagonalization); the reduction keeps them at ε‖A‖.
     */
    @ParameterizedTest
    @CsvSource({"2, false", "4, false", "6, false", "2, true", "4, true", "6, true"})
    void finiteDifferenceHamiltoniansMatchDenseSolver(int order, boolean periodic) {
        int n = 160;
        org.ofdft.grids.Grid1D grid = periodic ? org.ofdft.grids.Grid1D.periodic(-10, 20, n)
                : org.ofdft.grids.Grid1D.box(-10, 10, n);
        FiniteDifferenceHamiltonian1D hamiltonian = new FiniteDifferenceHamiltonian1D(grid, order);
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            double x = grid.coordinate(j);
            v[j] = -3 * Math.exp(-x * x / 4) - 2 * Math.exp(-(x - 4) * (x - 4));
        }
        SymmetricBandMatrix a = hamiltonian.newMatrix();
        hamiltonian.assemble(v, a);
        int k = 10;
        double[] values = new double[k];
        double[][] vectors = new double[k][n];
        new BandedSymmetricEigensolver(n, hamiltonian.halfBandwidth()).lowest(a, k, values, vectors);
        assertEigenpairs(a, k, values, vectors, denseEigenvalues(a.toDense()), 16 * EPS * a.normInf());
    }
}
