package org.ofdft.grids.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrayMathTest {

    /** The test JVM has the vector API (surefire's argLine): the SIMD path is what is tested here. */
    @Test
    void cubeRootsAgreeWithMathCbrtToTwoUlps() {
        assertTrue(ArrayMath.vectorized());
        Random random = new Random(3);
        double[] values = new double[1003];
        for (int j = 0; j < values.length; j++) {
            values[j] = Math.pow(10, -30 + 33 * random.nextDouble());
        }
        values[0] = 0.0;
        values[1] = 1.0;
        values[2] = 8.0;
        double[] roots = new double[values.length];
        ArrayMath.cbrt(values, roots);
        for (int j = 0; j < values.length; j++) {
            double exact = Math.cbrt(values[j]);
            assertEquals(exact, roots[j], 2 * Math.ulp(exact), "cbrt(" + values[j] + ")");
        }
        ArrayMath.cbrt(values, values);
        assertEquals(2.0, values[2], 2 * Math.ulp(2.0), "in place");
    }
}
