package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModifiedSphericalBesselTest {

    /** e^{−x} i_l(x) from the closed forms (DLMF 10.49.8): i_0 = sinh x/x, i_1 = (x cosh x − sinh x)/x², i_2 = ((x²+3) sinh x − 3x cosh x)/x³. */
    private static double[] closedForms(double x) {
        double s = 0.5 * (1 - Math.exp(-2 * x)); // e^{−x} sinh x
        double c = 0.5 * (1 + Math.exp(-2 * x)); // e^{−x} cosh x
        return new double[] {s / x, (x * c - s) / (x * x), ((x * x + 3) * s - 3 * x * c) / (x * x * x)};
    }

    @Test
    void agreesWithClosedFormsOnBothSidesOfTheSwitch() {
        double[] out = new double[11];
        for (double x : new double[] {0.3, 1, 2.5, 7, 15.9, 16.1, 30, 200}) {
            ModifiedSphericalBessel.scaled(x, 10, out);
            double[] expected = closedForms(x);
            for (int l = 0; l < 3; l++) {
                // the closed forms lose digits to cancellation at small x, hence the relative 1e-12
                assertEquals(expected[l], out[l], 1e-12 * expected[l] + 1e-16, "l = " + l + ", x = " + x);
            }
        }
    }

    @Test
    void seriesAndRecurrenceAgreeAtTheSwitchForHighOrders() {
        int lMax = 9;
        double limit = ModifiedSphericalBessel.seriesLimit(lMax);
        double[] below = new double[lMax + 1];
        double[] above = new double[lMax + 1];
        ModifiedSphericalBessel.scaled(limit, lMax, below);
        ModifiedSphericalBessel.scaled(limit * (1 + 1e-15), lMax, above);
        for (int l = 0; l <= lMax; l++) {
            assertEquals(below[l], above[l], 1e-13 * below[l], "l = " + l);
        }
    }

    @Test
    void smallArgumentLimit() {
        // i_l(x) → x^l/(2l+1)!!
        double[] out = new double[4];
        ModifiedSphericalBessel.scaled(1e-5, 3, out);
        assertEquals(1, out[0] * Math.exp(1e-5), 1e-10);
        assertEquals(1e-5 / 3, out[1] * Math.exp(1e-5), 1e-15);
        assertEquals(1e-15 / 105, out[3] * Math.exp(1e-5), 1e-25);
    }
}
