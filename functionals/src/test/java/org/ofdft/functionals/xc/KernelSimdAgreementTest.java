package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.simd.ArrayMath;

/**
 * The SIMD kernels ({@link VectorXcKernels}) against the scalar reference of each kernel, on densities from
 * 1e-16 to 1e4 (screened points included) and reduced gradients from 0 to far in the GGA tail. The two paths
 * round differently (operation order, vector math to 1 ulp), so they agree to round-off: 1e-12 of the size of
 * the terms, which for PBE correlation at large t is n|ε_c^PW| (e is their difference there).
 */
class KernelSimdAgreementTest {

    private static final int POINTS = XcBlock.CAPACITY - 3;   // a partial last vector

    @Test
    void simdAndScalarKernelsAgree() {
        assertTrue(ArrayMath.vectorized(), "the test JVM runs with the vector API (surefire's argLine)");
        compare("LDA_X", new SlaterExchange()::evaluate, new SlaterExchange()::evaluateScalar, false);
        compare("LDA_C_PW", Pw92Correlation.original()::evaluate, Pw92Correlation.original()::evaluateScalar, false);
        compare("LDA_C_PZ", new Pz81Correlation()::evaluate, new Pz81Correlation()::evaluateScalar, false);
        compare("GGA_X_PBE", new PbeExchange()::evaluate, new PbeExchange()::evaluateScalar, true);
        compare("GGA_C_PBE", new PbeCorrelation()::evaluate, new PbeCorrelation()::evaluateScalar, true);
    }

    private static void compare(String name, Consumer<XcBlock> simd, Consumer<XcBlock> scalar, boolean gga) {
        Random random = new Random(name.hashCode());
        double[] n = new double[POINTS];
        double[] sigma = new double[POINTS];
        for (int j = 0; j < POINTS; j++) {
            n[j] = Math.pow(10, -16 + 20 * random.nextDouble());
            // s² = σ/(4(3π²)^(2/3) n^(8/3)) from 0 to 1e6
            double s2 = j % 7 == 0 ? 0.0 : Math.pow(10, -6 + 12 * random.nextDouble());
            sigma[j] = s2 * 4 * Math.pow(3 * Math.PI * Math.PI, 2.0 / 3.0) * Math.pow(n[j], 8.0 / 3.0);
        }
        n[0] = 0.0;
        n[1] = 1.5e-15;                  // between the thresholds of LDA_X's two screening tests
        n[2] = 1.0;                      // r_s < 1 and r_s > 1 on either side for PZ81
        XcBlock vector = new XcBlock();
        XcBlock reference = new XcBlock();
        vector.load(n, sigma, 0, POINTS);
        reference.load(n, sigma, 0, POINTS);
        simd.accept(vector);
        scalar.accept(reference);
        for (int j = 0; j < POINTS; j++) {
            double scale = 1e-12 * (Math.abs(reference.energyDensity()[j]) + n[j] * Math.abs(Pw92Correlation.modified()
                    .energyDensity(n[j]) / Math.max(n[j], 1e-300)) + Double.MIN_NORMAL);
            String where = name + " at n = " + n[j] + ", sigma = " + sigma[j];
            assertEquals(reference.energyDensity()[j], vector.energyDensity()[j], scale, "e, " + where);
            double potentialScale = 1e-12 * (Math.abs(reference.vrho()[j]) + Math.abs(reference.energyDensity()[j] / Math.max(n[j], 1e-300))
                    + Math.abs(Pw92Correlation.modified().potential(n[j])) + Double.MIN_NORMAL);
            assertEquals(reference.vrho()[j], vector.vrho()[j], potentialScale, "vrho, " + where);
            if (gga) {
                assertEquals(reference.vsigma()[j], vector.vsigma()[j], 1e-12 * Math.abs(reference.vsigma()[j]) + 1e-300,
                        "vsigma, " + where);
            }
        }
    }
}
