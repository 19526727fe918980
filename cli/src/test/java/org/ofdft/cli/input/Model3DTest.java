package org.ofdft.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Model3DTest {

    /** The JIT warm-up grid keeps the radices of the real grid's FFT: the distinct prime factors, at least 12. */
    @Test
    void warmUpGridHasTheRealGridsPrimeFactors() {
        assertEquals(14, Model3D.warmUpPoints(98));  // 2·7²
        assertEquals(22, Model3D.warmUpPoints(88));  // 2³·11
        assertEquals(16, Model3D.warmUpPoints(64));  // 2⁶
        assertEquals(20, Model3D.warmUpPoints(100)); // 2²·5²
        assertEquals(12, Model3D.warmUpPoints(96));  // 2⁵·3
        assertEquals(14, Model3D.warmUpPoints(7));
    }
}
