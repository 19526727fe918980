package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {

    private static final BoundedLbfgs OPTIMIZER = new BoundedLbfgs(10, 1000, 1e-10, 0);

    /** Rosenbrock's function f = (1 − x)² + 100 (y − x²)² has its minimum 0 at (1, 1). */
    @Test
    void findsRosenbrockMinimum() {
        BoundedLbfgs.Minimum minimum = OPTIMIZER.minimize((p, g) -> {
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }, new double[] {-1.2, 1.0}, new double[] {-5, -5}, new double[] {5, 5});
        assertTrue(minimum.converged());
        assertEquals(1.0, minimum.point()[0], 1e-8);
        assertEquals(1.0, minimum.point()[1], 1e-8);
    }

    /** f = (x − 2)² + (y + 3)² on [−1, 1]²: the constrained minimum is the corner (1, −1), f = 5. */
    @Test
    void stopsOnActiveBounds() {
        BoundedLbfgs.Minimum minimum = OPTIMIZER.minimize((p, g) -> {
            g[0] = 2 * (p[0] - 2);
            g[1] = 2 * (p[1] + 3);
            return (p[0] - 2) * (p[0] - 2) + (p[1] + 3) * (p[1] + 3);
        }, new double[] {0, 0}, new double[] {-1, -1}, new double[] {1, 1});
        assertTrue(minimum.converged());
        assertEquals(1.0, minimum.point()[0]);
        assertEquals(-1.0, minimum.point()[1]);
        assertEquals(5.0, minimum.value(), 1e-15);
    }
}
