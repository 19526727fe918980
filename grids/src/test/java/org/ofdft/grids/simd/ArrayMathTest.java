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

    /** Ranges that start and end off the vector width, so both the SIMD body and the scalar tail run. */
    @Test
    void transcendentalFunctionsAgreeWithMathToTwoUlpsOnOddRanges() {
        Random random = new Random(5);
        double[] logArguments = new double[1003];
        double[] smallArguments = new double[1003];
        for (int j = 0; j < logArguments.length; j++) {
            logArguments[j] = Math.pow(10, -300 + 600 * random.nextDouble());
            smallArguments[j] = random.nextBoolean() ? -0.999 + 1.998 * random.nextDouble()
                    : Math.pow(10, -20 + 20 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1) * 0.5;
        }
        double[] out = new double[1003];
        int from = 3;
        int to = 1000;
        ArrayMath.log(logArguments, out, from, to);
        for (int j = from; j < to; j++) {
            assertEquals(Math.log(logArguments[j]), out[j], 2 * Math.ulp(Math.log(logArguments[j])), "log");
        }
        ArrayMath.log1p(smallArguments, out, from, to);
        for (int j = from; j < to; j++) {
            double exact = Math.log1p(smallArguments[j]);
            assertEquals(exact, out[j], 2 * Math.ulp(exact), "log1p(" + smallArguments[j] + ")");
        }
        ArrayMath.expm1(smallArguments, out, from, to);
        for (int j = from; j < to; j++) {
            double exact = Math.expm1(smallArguments[j]);
            assertEquals(exact, out[j], 2 * Math.ulp(exact), "expm1(" + smallArguments[j] + ")");
        }
        assertEquals(0.0, out[0]);
        assertEquals(0.0, out[1002], "nothing written outside [from, to)");
    }

    @Test
    void sumsAndDotProductsMatchCompensatedSums() {
        Random random = new Random(9);
        double[] a = new double[2001];
        double[] b = new double[2001];
        for (int j = 0; j < a.length; j++) {
            a[j] = random.nextDouble() - 0.3;
            b[j] = random.nextDouble() * 5;
        }
        int from = 7;
        int to = 1998;
        double sum = 0;
        double dot = 0;
        double sumCompensation = 0;
        double dotCompensation = 0;
        double magnitude = 0;
        for (int j = from; j < to; j++) {
            double y = a[j] - sumCompensation;
            double t = sum + y;
            sumCompensation = (t - sum) - y;
            sum = t;
            double z = a[j] * b[j] - dotCompensation;
            double u = dot + z;
            dotCompensation = (u - dot) - z;
            dot = u;
            magnitude += Math.abs(a[j] * b[j]) + Math.abs(a[j]);
        }
        // a sum of m terms is exact to m·eps relative to Σ|terms| whatever the order
        double bound = (to - from) * Math.ulp(1.0) * magnitude;
        assertEquals(sum, ArrayMath.sum(a, from, to), bound);
        assertEquals(dot, ArrayMath.dot(a, b, from, to), bound);
        assertEquals(0.0, ArrayMath.sum(a, 5, 5));
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = from; j < to; j++) {
            smallest = Math.min(smallest, a[j]);
        }
        assertEquals(smallest, ArrayMath.min(a, from, to));
        a[to - 1] = Double.NaN;
        assertTrue(Double.isNaN(ArrayMath.min(a, from, to)), "NaN in the scalar tail");
        a[from] = Double.NaN;
        assertTrue(Double.isNaN(ArrayMath.min(a, from, from + 64)), "NaN in the unrolled body");
        assertEquals(Double.POSITIVE_INFINITY, ArrayMath.min(a, 5, 5));
    }
}
