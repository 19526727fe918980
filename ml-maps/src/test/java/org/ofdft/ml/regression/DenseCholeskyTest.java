package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseCholeskyTest {

    private static List<DenseCholesky> backends() {
        return List.of(DenseCholesky.fastest(), DenseCholesky.pureJava());
    }

    @Test
    void theNativeBackendLoadsOnLinuxX86() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").equals("amd64"), "OpenBLAS presets are only depended on for linux-x86_64");
        assertEquals("OpenBLAS LAPACK dpotrf/dpotrs", DenseCholesky.fastest().name());
    }

    @Test
    void solvesASystemWithAKnownSolution() {
        // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]] (SPD), x = (1, −2, 3): b = A x = (0, −5, 7)
        for (DenseCholesky solver : backends()) {
            double[] a = {4, 2, 0, 2, 5, 1, 0, 1, 3};
            assertTrue(solver.factorInPlace(a, 3), solver.name());
            assertEquals(2.0, a[0], 1e-15, solver.name()); // L_00 = √4
            double[] b = {0, -5, 7};
            solver.solveInPlace(a, 3, b);
            assertArrayEquals(new double[] {1, -2, 3}, b, 1e-13, solver.name());
        }
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        for (DenseCholesky solver : backends()) {
            double[] a = {4, 99, 99, 2, 5, 99, 0, 1, 3};
            assertTrue(solver.factorInPlace(a, 3));
            double[] b = {0, -5, 7};
            solver.solveInPlace(a, 3, b);
            assertArrayEquals(new double[] {1, -2, 3}, b, 1e-13, solver.name());
        }
    }

    @Test
    void backendsAgreeOnAKernelMatrix() {
        int n = 300;
        SplittableRandom random = new SplittableRandom(5);
        double[] x = random.doubles(n).toArray();
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i * n + j] = Math.exp(-Math.abs(x[i] - x[j]) / 0.3) + (i == j ? 1e-6 : 0);
            }
        }
        double[] y = random.doubles(n).toArray();
        double[] fast = y.clone();
        double[] plain = y.clone();
        double[] factor = k.clone();
        assertTrue(DenseCholesky.fastest().factorInPlace(factor, n));
        DenseCholesky.fastest().solveInPlace(factor, n, fast);
        factor = k.clone();
        assertTrue(DenseCholesky.pureJava().factorInPlace(factor, n));
        DenseCholesky.pureJava().solveInPlace(factor, n, plain);
        // residual check: both solve K α = y to near working precision times the condition number
        for (int i = 0; i < n; i++) {
            assertEquals(plain[i], fast[i], 1e-7 * (1 + Math.abs(plain[i])));
        }
    }

    /** A⁻¹ of the known 3 × 3 matrix: A A⁻¹ = I, and both triangles are filled (A⁻¹ is symmetric). */
    @Test
    void invertsFromTheFactor() {
        double[] a = {4, 2, 0, 2, 5, 1, 0, 1, 3};
        for (DenseCholesky solver : backends()) {
            double[] inverse = a.clone();
            assertTrue(solver.factorInPlace(inverse, 3));
            solver.invertInPlace(inverse, 3);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double product = 0;
                    for (int k = 0; k < 3; k++) {
                        product += a[i * 3 + k] * inverse[k * 3 + j];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, product, 1e-14, solver.name() + " (" + i + ", " + j + ")");
                    assertEquals(inverse[i * 3 + j], inverse[j * 3 + i], 0.0, solver.name());
                }
            }
        }
    }

    @Test
    void refusesSingularAndIndefiniteMatrices() {
        for (DenseCholesky solver : backends()) {
            // two identical samples: K = [[1, 1], [1, 1]] has a zero eigenvalue
            assertFalse(solver.factorInPlace(new double[] {1, 1, 1, 1}, 2), solver.name());
            assertFalse(solver.factorInPlace(new double[] {1, 0, 2, 1}, 2), solver.name()); // eigenvalues 3, −1
        }
    }
}
