package org.ofdft.ml.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErrorMetricsTest {

    @Test
    void handCheckedExample() {
        // errors p − y = 0, −1, 1, −2; ȳ = 3, Σ(y − ȳ)² = 4 + 0 + 1 + 9 = 14
        ErrorMetrics m = ErrorMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 6});
        assertEquals(4, m.count());
        assertEquals(1.0, m.meanAbsoluteError(), 1e-15);
        assertEquals(Math.sqrt(6.0 / 4), m.rootMeanSquareError(), 1e-15);
        assertEquals(2.0, m.maxAbsoluteError(), 1e-15);
        assertEquals(1 - 6.0 / 14, m.coefficientOfDetermination(), 1e-15);
    }

    @Test
    void theMeanPredictorHasZeroRSquaredAndAPerfectOneHasOne() {
        double[] y = {-3, 1, 2, 8};
        assertEquals(0.0, ErrorMetrics.of(new double[] {2, 2, 2, 2}, y).coefficientOfDetermination(), 1e-15);
        assertEquals(1.0, ErrorMetrics.of(y.clone(), y).coefficientOfDetermination(), 0.0);
    }

    @Test
    void mismatchedLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ErrorMetrics.of(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertEquals("2 predictions for 3 reference values; need the same non-zero number", e.getMessage());
    }
}
