package org.ofdft.solver.ofdft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;

class JelliumPreconditionerTest {

    private static JavaFftBackend backend;

    @BeforeAll
    static void startBackend() {
        backend = new JavaFftBackend(1);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    /** A plane wave cos(G·r) is an eigenvector: M⁻¹ cos(G·r) = cos(G·r)/(G² + a + b/G²); a constant maps to 0. */
    @Test
    void planeWavesAreScaledByTheInverseJelliumHessian() {
        double length = 7.0;
        Grid3D grid = new Grid3D(Cell.cubic(length), 12, 10, 8);
        double a = 1.3;
        double b = 0.7;
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            JelliumPreconditioner preconditioner = new JelliumPreconditioner(operators, a, b);
            double[] wave = new double[grid.size()];
            double[] out = new double[grid.size()];
            int[] m = {2, 1, 3};
            double gx = 2 * Math.PI * m[0] / length;
            double gy = 2 * Math.PI * m[1] / length;
            double gz = 2 * Math.PI * m[2] / length;
            double g2 = gx * gx + gy * gy + gz * gz;
            for (int i = 0; i < grid.n1(); i++) {
                for (int j = 0; j < grid.n2(); j++) {
                    for (int k = 0; k < grid.n3(); k++) {
                        double phase = gx * i * length / grid.n1() + gy * j * length / grid.n2()
                                + gz * k * length / grid.n3();
                        wave[(i * grid.n2() + j) * grid.n3() + k] = 5.0 + Math.cos(phase);
                    }
                }
            }
            preconditioner.apply(wave, out);
            double expected = 1.0 / (g2 + a + b / g2);
            for (int e = 0; e < wave.length; e++) {
                assertEquals((wave[e] - 5.0) * expected, out[e], 1e-13, "point " + e);
            }
        }
    }

    /** coulomb3D: a = (40/9) C_TF n̄^{2/3}, b = 16π n̄ for n̄ = N/V (checked through one plane wave). */
    @Test
    void coulombJelliumConstantsFollowTheMeanDensity() {
        double length = 6.0;
        double electrons = 4.0;
        Grid3D grid = new Grid3D(Cell.cubic(length), 8, 8, 8);
        try (SpectralOperators operators = new SpectralOperators(grid, backend)) {
            JelliumPreconditioner preconditioner = JelliumPreconditioner.coulomb3D(operators, electrons);
            double n0 = electrons / (length * length * length);
            double a = 40.0 / 9.0 * 0.3 * Math.pow(3 * Math.PI * Math.PI, 2.0 / 3.0) * Math.pow(n0, 2.0 / 3.0);
            double b = 16 * Math.PI * n0;
            double g = 2 * Math.PI / length;
            double[] wave = new double[grid.size()];
            double[] out = new double[grid.size()];
            for (int e = 0; e < wave.length; e++) {
                int k = e % grid.n3();
                wave[e] = Math.sin(g * k * length / grid.n3());
            }
            preconditioner.apply(wave, out);
            double factor = 1.0 / (g * g + a + b / (g * g));
            for (int e = 0; e < wave.length; e++) {
                assertEquals(wave[e] * factor, out[e], 1e-13);
            }
        }
    }

    @Test
    void badConstantsAndGridsAreRefused() {
        Grid3D grid = new Grid3D(Cell.cubic(5.0), 6, 6, 6);
        try (SpectralOperators operators = new SpectralOperators(grid, backend);
             SpectralOperators line = new SpectralOperators(Grid1D.periodic(0, 5, 16), backend)) {
            assertThrows(IllegalArgumentException.class, () -> new JelliumPreconditioner(operators, -1, 0));
            assertThrows(IllegalArgumentException.class, () -> new JelliumPreconditioner(operators, 0, Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> JelliumPreconditioner.coulomb3D(operators, 0));
            IllegalArgumentException oneD = assertThrows(IllegalArgumentException.class,
                    () -> JelliumPreconditioner.coulomb3D(line, 1));
            assertEquals(true, oneD.getMessage().contains("3D"));
        }
    }
}
