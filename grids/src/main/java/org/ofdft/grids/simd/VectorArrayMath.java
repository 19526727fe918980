package org.ofdft.grids.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector-API kernels of {@link ArrayMath}; loaded only when the module is present. Each elementwise
 * function does the whole vectors of [from, to) and returns the index where the scalar tail starts. The
 * operator is a constant in each method: HotSpot only intrinsifies {@code lanewise} with a constant operator.
 */
final class VectorArrayMath {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorArrayMath() {
    }

    static int cbrt(double[] in, double[] out, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector.fromArray(SPECIES, in, j).lanewise(VectorOperators.CBRT).intoArray(out, j);
        }
        return j;
    }

    static int log1p(double[] in, double[] out, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector.fromArray(SPECIES, in, j).lanewise(VectorOperators.LOG1P).intoArray(out, j);
        }
        return j;
    }

    static int expm1(double[] in, double[] out, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector.fromArray(SPECIES, in, j).lanewise(VectorOperators.EXPM1).intoArray(out, j);
        }
        return j;
    }

    static int log(double[] in, double[] out, int from, int to) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector.fromArray(SPECIES, in, j).lanewise(VectorOperators.LOG).intoArray(out, j);
        }
        return j;
    }
}
