package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LbfgsMemoryTest {

    /** On a quadratic f = ½ xᵀAx, n independent exact pairs make −H g = −A⁻¹ g (BFGS's finite termination). */
    @Test
    void recoversTheInverseHessianOfAQuadratic() {
        double[] diagonal = {1, 4, 9};
        LbfgsMemory pairs = new LbfgsMemory(3, 3, 1e-12);
        double[] origin = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] x = new double[3];
            x[k] = 1;
            double[] g = new double[3];
            g[k] = diagonal[k];
            pairs.offer(x, origin, g, origin);
        }
        double[] direction = new double[3];
        pairs.searchDirection(new double[] {2, 8, 18}, direction);
        assertArrayEquals(new double[] {-2, -2, -2}, direction, 1e-12);
    }

    /** A pair without positive curvature is refused and leaves the stored pairs, even a full memory, intact. */
    @Test
    void refusedPairLeavesTheMemoryAsItWas() {
        LbfgsMemory pairs = new LbfgsMemory(2, 2, 0);
        double[] origin = new double[2];
        pairs.offer(new double[] {1, 0}, origin, new double[] {3, 0}, origin);
        pairs.offer(new double[] {0, 1}, origin, new double[] {0, 5}, origin);
        double[] before = new double[2];
        pairs.searchDirection(new double[] {1, 1}, before);
        assertFalse(pairs.offer(new double[] {1, 1}, origin, new double[] {-1, -1}, origin));
        assertEquals(2, pairs.stored());
        double[] after = new double[2];
        pairs.searchDirection(new double[] {1, 1}, after);
        assertArrayEquals(before, after, 0);
    }
}
