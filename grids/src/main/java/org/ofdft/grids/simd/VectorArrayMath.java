package org.ofdft.grids.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The vector-API kernels of {@link ArrayMath}; loaded only when the module is present. */
final class VectorArrayMath {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorArrayMath() {
    }

    /** Cube roots of the leading whole vectors of {@code in}; returns how many values were done. */
    static int cbrt(double[] in, double[] out) {
        int bound = SPECIES.loopBound(in.length);
        for (int j = 0; j < bound; j += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, in, j).lanewise(VectorOperators.CBRT).intoArray(out, j);
        }
        return bound;
    }
}
