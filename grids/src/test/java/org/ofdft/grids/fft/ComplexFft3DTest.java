package org.ofdft.grids.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complex 3D transform against the O(N²) definition, and backward(forward(f)) = N f. */
class ComplexFft3DTest {

    @ParameterizedTest
    @CsvSource({"4, 6, 5", "15, 15, 15", "1, 1, 7", "7, 1, 1", "2, 3, 67", "8, 1, 12", "24, 2, 3"})
    void matchesNaiveDftBothWays(int n1, int n2, int n3) {
        Random random = new Random(17 + n1 + 31L * n2 + 977L * n3);
        int n = n1 * n2 * n3;
        double[] f = new double[2 * n];
        for (int j = 0; j < f.length; j++) {
            f[j] = random.nextDouble() - 0.5;
        }
        ComplexFft3D fft = new ComplexFft3D(n1, n2, n3);
        for (boolean forward : new boolean[] {true, false}) {
            double[] expected = naive(f, n1, n2, n3, forward ? -1 : 1);
            double[] actual = f.clone();
            if (forward) {
                fft.forward(actual);
            } else {
                fft.backward(actual);
            }
            double scale = Math.sqrt(n);
            for (int j = 0; j < actual.length; j++) {
                assertEquals(expected[j], actual[j], 1e-12 * scale, "element " + j + (forward ? " forward" : " backward"));
            }
        }
        double[] roundTrip = f.clone();
        fft.forward(roundTrip);
        fft.backward(roundTrip);
        for (int j = 0; j < f.length; j++) {
            assertEquals(f[j], roundTrip[j] / n, 1e-13);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 2, 2", "2, -1, 2"})
    void refusesBadShapes(int n1, int n2, int n3) {
        assertThrows(IllegalArgumentException.class, () -> new ComplexFft3D(n1, n2, n3));
    }

    @org.junit.jupiter.api.Test
    void refusesWrongArrayLength() {
        ComplexFft3D fft = new ComplexFft3D(2, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fft.forward(new double[8]));
        assertEquals(true, e.getMessage().contains("needs 16"));
    }

    /** Σ_r f(r) exp(sign·2πi k·r/n). */
    private static double[] naive(double[] f, int n1, int n2, int n3, int sign) {
        double[] out = new double[f.length];
        for (int k1 = 0; k1 < n1; k1++) {
            for (int k2 = 0; k2 < n2; k2++) {
                for (int k3 = 0; k3 < n3; k3++) {
                    double re = 0;
                    double im = 0;
                    for (int i1 = 0; i1 < n1; i1++) {
                        for (int i2 = 0; i2 < n2; i2++) {
                            for (int i3 = 0; i3 < n3; i3++) {
                                double phase = sign * 2 * Math.PI * ((double) (k1 * i1 % n1) / n1
                                        + (double) (k2 * i2 % n2) / n2 + (double) (k3 * i3 % n3) / n3);
                                int at = 2 * ((i1 * n2 + i2) * n3 + i3);
                                double c = Math.cos(phase);
                                double s = Math.sin(phase);
                                re += f[at] * c - f[at + 1] * s;
                                im += f[at] * s + f[at + 1] * c;
                            }
                        }
                    }
                    int at = 2 * ((k1 * n2 + k2) * n3 + k3);
                    out[at] = re;
                    out[at + 1] = im;
                }
            }
        }
        return out;
    }
}
