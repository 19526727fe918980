package org.ofdft.functionals.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UniformCubicSplineTest {

    @Test
    void notAKnotReproducesCubicsExactly() {
        // The not-a-knot spline of a cubic polynomial is that polynomial (a natural spline is not).
        double h = 0.3;
        for (int m : new int[] {4, 5, 7, 40}) {
            double[] y = new double[m];
            for (int k = 0; k < m; k++) {
                y[k] = cubic(-1 + k * h);
            }
            UniformCubicSpline spline = new UniformCubicSpline(-1, h, y);
            for (double x = -1; x <= -1 + (m - 1) * h; x += 0.0137) {
                assertEquals(cubic(x), spline.value(x), 1e-11, "m = " + m + ", x = " + x);
            }
        }
    }

    @Test
    void interpolatesSmoothFunctionsToFourthOrder() {
        double h = 0.05;
        int m = 200;
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            y[k] = Math.sin(k * h);
        }
        UniformCubicSpline spline = new UniformCubicSpline(0, h, y);
        double worst = 0;
        for (double x = 0; x <= (m - 1) * h; x += 0.001) {
            worst = Math.max(worst, Math.abs(spline.value(x) - Math.sin(x)));
        }
        // (5/384) h⁴ max|f⁗| ≈ 8e-8 bounds the interior error; the not-a-knot ends are of the same order
        assertEquals(0, worst, 2e-7);
    }

    @Test
    void refusesTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> new UniformCubicSpline(0, 1, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new UniformCubicSpline(0, 0, new double[] {1, 2, 3, 4}));
    }

    private static double cubic(double x) {
        return 0.7 - 1.3 * x + 2.1 * x * x - 0.9 * x * x * x;
    }
}
