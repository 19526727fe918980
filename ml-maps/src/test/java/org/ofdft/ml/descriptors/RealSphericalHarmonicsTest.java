package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealSphericalHarmonicsTest {

    @Test
    void lowOrdersByTheirClosedForms() {
        RealSphericalHarmonics harmonics = new RealSphericalHarmonics(2);
        double[] y = new double[9];
        double x = 0.3;
        double yy = -1.1;
        double z = 0.7;
        double r = Math.sqrt(x * x + yy * yy + z * z);
        harmonics.evaluate(x, yy, z, y, null);
        double c1 = Math.sqrt(3 / (4 * Math.PI));
        assertEquals(0.5 / Math.sqrt(Math.PI), y[0], 1e-15);
        assertEquals(c1 * yy / r, y[1], 1e-15);
        assertEquals(c1 * z / r, y[2], 1e-15);
        assertEquals(c1 * x / r, y[3], 1e-15);
        // l = 2: ½√(15/π) xy, ½√(15/π) yz, ¼√(5/π)(3z² − r²), ½√(15/π) xz, ¼√(15/π)(x² − y²), over r²
        double c2 = 0.5 * Math.sqrt(15 / Math.PI);
        double r2 = r * r;
        assertEquals(c2 * x * yy / r2, y[4], 1e-15);
        assertEquals(c2 * yy * z / r2, y[5], 1e-15);
        assertEquals(0.25 * Math.sqrt(5 / Math.PI) * (3 * z * z - r2) / r2, y[6], 1e-15);
        assertEquals(c2 * x * z / r2, y[7], 1e-15);
        assertEquals(0.5 * c2 * (x * x - yy * yy) / r2, y[8], 1e-15);
    }

    @Test
    void additionTheorem() {
        // Σ_m Y_lm(a) Y_lm(b) = (2l+1)/4π P_l(a·b), P_l by Bonnet's recurrence
        int lMax = 12;
        RealSphericalHarmonics harmonics = new RealSphericalHarmonics(lMax);
        Random random = new Random(1);
        double[] ya = new double[harmonics.size()];
        double[] yb = new double[harmonics.size()];
        for (int trial = 0; trial < 20; trial++) {
            double[] a = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] b = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            harmonics.evaluate(a[0], a[1], a[2], ya, null);
            harmonics.evaluate(b[0], b[1], b[2], yb, null);
            double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
                    / Math.sqrt((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]));
            double previous = 1;
            double legendre = cos;
            for (int l = 0; l <= lMax; l++) {
                double p = l == 0 ? 1 : legendre;
                double sum = 0;
                for (int m = -l; m <= l; m++) {
                    sum += ya[l * l + l + m] * yb[l * l + l + m];
                }
                assertEquals((2 * l + 1) / (4 * Math.PI) * p, sum, 1e-13, "l = " + l);
                if (l >= 1) {
                    double next = ((2 * l + 1) * cos * legendre - l * previous) / (l + 1);
                    previous = legendre;
                    legendre = next;
                }
            }
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        int lMax = 8;
        RealSphericalHarmonics harmonics = new RealSphericalHarmonics(lMax);
        int size = harmonics.size();
        double[] y = new double[size];
        double[] gradient = new double[3 * size];
        double[] plus = new double[size];
        double[] minus = new double[size];
        double[] d = {0.4, -1.3, 0.9};
        harmonics.evaluate(d[0], d[1], d[2], y, gradient);
        double h = 1e-6;
        double worst = 0;
        for (int k = 0; k < 3; k++) {
            double[] p = d.clone();
            p[k] += h;
            harmonics.evaluate(p[0], p[1], p[2], plus, null);
            p[k] -= 2 * h;
            harmonics.evaluate(p[0], p[1], p[2], minus, null);
            for (int lm = 0; lm < size; lm++) {
                worst = Math.max(worst, Math.abs((plus[lm] - minus[lm]) / (2 * h) - gradient[3 * lm + k]));
            }
        }
        assertTrue(worst < 1e-8, "max |analytic − FD| = " + worst);
    }
}
