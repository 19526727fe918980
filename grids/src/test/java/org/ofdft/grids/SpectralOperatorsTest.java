package org.ofdft.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ofdft.grids.fft.FftBackend;
import org.ofdft.grids.fft.JTransformsBackend;

class SpectralOperatorsTest {

    /** fcc primitive cell, a = 7.65339 bohr: a non-orthogonal test of the reciprocal vectors. */
    private static Cell fccPrimitive() {
        double h = 7.65339080963956 / 2;
        return Cell.ofBohr(new double[][] {{0, h, h}, {h, 0, h}, {h, h, 0}});
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] combination(Cell cell, int m1, int m2, int m3) {
        double[] b1 = cell.reciprocalVector(0);
        double[] b2 = cell.reciprocalVector(1);
        double[] b3 = cell.reciprocalVector(2);
        double[] g = new double[3];
        for (int k = 0; k < 3; k++) {
            g[k] = m1 * b1[k] + m2 * b2[k] + m3 * b3[k];
        }
        return g;
    }

    @Test
    void derivativesOfTrigonometricPolynomialInNonOrthogonalCell() {
        Cell cell = fccPrimitive();
        Grid3D grid = new Grid3D(cell, 12, 15, 10);
        // f = sin(Ga·r) + 0.5 cos(Gb·r): exactly representable, so spectral derivatives are exact.
        double[] ga = combination(cell, 1, -2, 1);
        double[] gb = combination(cell, 0, 3, -2);
        int n = grid.size();
        double[] f = new double[n];
        double[][] expectedGradient = new double[3][n];
        double[] expectedLaplacian = new double[n];
        for (int i1 = 0; i1 < grid.n1(); i1++) {
            for (int i2 = 0; i2 < grid.n2(); i2++) {
                for (int i3 = 0; i3 < grid.n3(); i3++) {
                    int j = grid.index(i1, i2, i3);
                    double[] r = grid.position(i1, i2, i3);
                    double pa = dot(ga, r);
                    double pb = dot(gb, r);
                    f[j] = Math.sin(pa) + 0.5 * Math.cos(pb);
                    for (int c = 0; c < 3; c++) {
                        expectedGradient[c][j] = ga[c] * Math.cos(pa) - 0.5 * gb[c] * Math.sin(pb);
                    }
                    expectedLaplacian[j] = -dot(ga, ga) * Math.sin(pa) - 0.5 * dot(gb, gb) * Math.cos(pb);
                }
            }
        }
        try (FftBackend backend = new JTransformsBackend(2);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            double[][] gradient = new double[3][n];
            operators.gradient(f, gradient);
            for (int c = 0; c < 3; c++) {
                assertTrue(maxDiff(gradient[c], expectedGradient[c]) < 1e-12 * maxAbs(expectedGradient[c]) + 1e-13,
                        "gradient component " + c + " error " + maxDiff(gradient[c], expectedGradient[c]));
            }
            double[] laplacian = new double[n];
            operators.laplacian(f, laplacian);
            assertTrue(maxDiff(laplacian, expectedLaplacian) < 1e-12 * maxAbs(expectedLaplacian));
            double[] divergence = new double[n];
            operators.divergence(gradient, divergence);
            assertTrue(maxDiff(divergence, expectedLaplacian) < 1e-12 * maxAbs(expectedLaplacian));
        }
    }

    @Test
    void derivativeOfSmoothPeriodicFunctionIn1D() {
        double length = 5.0;
        PeriodicGrid1D grid = Grid1D.periodic(-1.0, length, 64);
        double k = 2 * Math.PI / length;
        double[] f = new double[grid.size()];
        double[] expected = new double[grid.size()];
        double[] expectedSecond = new double[grid.size()];
        for (int j = 0; j < f.length; j++) {
            double x = grid.coordinate(j);
            // f = exp(sin kx): not a polynomial in e^{ikx}, but its Fourier coefficients fall as 1/m!,
            // so 64 points resolve it to machine precision.
            f[j] = Math.exp(Math.sin(k * x));
            expected[j] = k * Math.cos(k * x) * f[j];
            expectedSecond[j] = k * k * (Math.cos(k * x) * Math.cos(k * x) - Math.sin(k * x)) * f[j];
        }
        try (FftBackend backend = new JTransformsBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            double[][] derivative = {new double[f.length]};
            operators.gradient(f, derivative);
            assertTrue(maxDiff(derivative[0], expected) < 1e-12 * maxAbs(expected),
                    "d/dx error " + maxDiff(derivative[0], expected));
            double[] second = new double[f.length];
            operators.laplacian(f, second);
            assertTrue(maxDiff(second, expectedSecond) < 1e-12 * maxAbs(expectedSecond),
                    "d2/dx2 error " + maxDiff(second, expectedSecond));
        }
    }

    /**
     * A Gaussian charge of width s in a cubic cell with a neutralizing background. Its potential
     * is the Fourier series V(r) = (4π/V) Σ_{G≠0} exp(−G²s²/2)/G² cos(G·(r − r0)), summed here
     * directly, independently of any FFT.
     */
    @Test
    void poissonSolveOfPeriodicGaussianMatchesFourierSeries() {
        double length = 10.0;
        double width = 1.0;
        Cell cell = Cell.cubic(length);
        Grid3D grid = new Grid3D(cell, 32, 32, 32);
        double[] centre = {4.3, 5.1, 4.9};
        double norm = Math.pow(2 * Math.PI * width * width, -1.5);
        double[] rho = new double[grid.size()];
        for (int i1 = 0; i1 < 32; i1++) {
            for (int i2 = 0; i2 < 32; i2++) {
                for (int i3 = 0; i3 < 32; i3++) {
                    double[] r = grid.position(i1, i2, i3);
                    double sum = 0;
                    for (int a = -1; a <= 1; a++) {
                        for (int b = -1; b <= 1; b++) {
                            for (int c = -1; c <= 1; c++) {
                                double dx = r[0] - centre[0] - a * length;
                                double dy = r[1] - centre[1] - b * length;
                                double dz = r[2] - centre[2] - c * length;
                                sum += norm * Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * width * width));
                            }
                        }
                    }
                    rho[grid.index(i1, i2, i3)] = sum - 1.0 / cell.volume();
                }
            }
        }
        double[] potential = new double[grid.size()];
        try (FftBackend backend = new JTransformsBackend(2);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            operators.solvePoisson(rho, potential);
        }
        int[][] points = {{0, 0, 0}, {13, 16, 15}, {31, 2, 17}, {8, 25, 3}};
        double g0 = 2 * Math.PI / length;
        for (int[] p : points) {
            double[] r = grid.position(p[0], p[1], p[2]);
            double series = 0;
            int mMax = 16;
            for (int m1 = -mMax; m1 <= mMax; m1++) {
                for (int m2 = -mMax; m2 <= mMax; m2++) {
                    for (int m3 = -mMax; m3 <= mMax; m3++) {
                        if (m1 == 0 && m2 == 0 && m3 == 0) {
                            continue;
                        }
                        double g2 = g0 * g0 * (m1 * m1 + m2 * m2 + m3 * m3);
                        double phase = g0 * (m1 * (r[0] - centre[0]) + m2 * (r[1] - centre[1]) + m3 * (r[2] - centre[2]));
                        series += Math.exp(-g2 * width * width / 2) / g2 * Math.cos(phase);
                    }
                }
            }
            series *= 4 * Math.PI / cell.volume();
            double actual = potential[grid.index(p[0], p[1], p[2])];
            assertEquals(series, actual, 1e-12 * Math.max(1.0, Math.abs(series)), "potential at " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void convolutionWithRadialKernelEqualsMultiplicationInFourierSpace() {
        Grid3D grid = new Grid3D(Cell.cubic(6.0), 8, 10, 12);
        double[] f = new double[grid.size()];
        for (int j = 0; j < f.length; j++) {
            f[j] = Math.sin(0.37 * j) + 0.1 * j % 3;
        }
        try (FftBackend backend = new JTransformsBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            // The kernel −|G|² reproduces the Laplacian.
            double[] kernel = operators.radialKernel(g -> -g * g);
            double[] viaKernel = new double[f.length];
            operators.convolve(f, kernel, viaKernel);
            double[] laplacian = new double[f.length];
            operators.laplacian(f, laplacian);
            assertTrue(maxDiff(viaKernel, laplacian) < 1e-12 * maxAbs(laplacian));
            assertThrows(IllegalArgumentException.class, () -> operators.convolve(f, new double[3], viaKernel));
            assertThrows(IllegalArgumentException.class,
                    () -> operators.gradient(f, new double[][] {new double[f.length]}));
        }
    }

    @Test
    void parsevalOnReciprocalField() {
        Grid3D grid = new Grid3D(fccPrimitive(), 6, 10, 15);
        RealField f = RealField.zeros(grid);
        for (int j = 0; j < f.size(); j++) {
            f.values()[j] = Math.cos(0.1 * j * j);
        }
        try (FftBackend backend = new JTransformsBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            ReciprocalField spectrum = operators.forward(f);
            double sumSquares = 0;
            for (double v : f.values()) {
                sumSquares += v * v;
            }
            assertEquals(grid.size() * sumSquares, spectrum.sumOfSquares(), 1e-12 * grid.size() * sumSquares);
            RealField back = operators.inverse(spectrum);
            assertTrue(maxDiff(back.values(), f.values()) < 1e-14);
        }
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] - b[j]));
        }
        return m;
    }
}
