package org.ofdft.functionals.xc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.ofdft.grids.io.Npy;
import org.ofdft.grids.io.NpyArray;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link ExponentialLda1D} against the unpolarized-LDA ion data of pedersor/DFT_1d
 * ({@code validation-data/dft1d/unpol_lda/}: 10 one-dimensional ions on 513 points, h = 0.08).
 *
 * <p>The stored energy densities and potentials were produced in single precision (the arrays are float32)
 * and the per-particle exchange there was evaluated as ln(1 + y²)/y − 2 arctan y: for y² below the float32
 * epsilon ln(1 + y²) rounds to 0 and the stored ε_x is twice the true one (stored ε = 1.5× ours as n → 0).
 * Those points carry no weight in E_xc, so the energies, and the potentials (computed without that
 * cancellation), agree to float32 precision everywhere, while the stored ε is compared only where
 * n ≥ 0.05.
 */
class ExponentialLda1DTest {

    private static final Path DATA = Path.of("..", "validation-data", "dft1d", "unpol_lda");
    /** float32 storage and single-precision evaluation in the generator. */
    private static final double FLOAT32_TOLERANCE = 1e-6;

    private final LdaKernel lda = new ExponentialLda1D();

    private static NpyArray load(String name) throws IOException {
        return Npy.read(DATA.resolve(name + ".npy"));
    }

    @Test
    void reproducesStoredXcEnergiesFromStoredDensities() throws IOException {
        NpyArray densities = load("densities");
        NpyArray grids = load("grids");
        NpyArray energies = load("xc_energies");
        assertArrayEquals(new int[] {10, 513}, densities.shape());
        assertArrayEquals(new int[] {513}, grids.shape());
        double h = grids.values()[1] - grids.values()[0];
        assertEquals(0.08, h, 1e-12);

        RelativeAgreement agreement = new RelativeAgreement("E_xc = sum e(n_j) h, 1D exponential LDA",
                FLOAT32_TOLERANCE);
        int points = densities.shape()[1];
        double[] n = new double[points];
        double[] e = new double[points];
        double[] v = new double[points];
        for (int system = 0; system < densities.shape()[0]; system++) {
            System.arraycopy(densities.values(), system * points, n, 0, points);
            lda.evaluate(n, e, v);
            double exc = 0.0;
            for (int j = 0; j < points; j++) {
                exc += e[j] * h;
            }
            agreement.compare("E_xc", "system " + system, exc, energies.values()[system], Double.MIN_NORMAL);
        }
        agreement.assertWithinTolerance();
    }

    @Test
    void reproducesStoredPotentialsAndEnergyDensities() throws IOException {
        NpyArray densities = load("densities");
        NpyArray storedEps = load("xc_energy_densities");
        NpyArray storedV = load("xc_potentials");
        RelativeAgreement potentials = new RelativeAgreement("v_xc, n > 1e-10", FLOAT32_TOLERANCE);
        RelativeAgreement perParticle = new RelativeAgreement("eps_xc, n >= 0.05", FLOAT32_TOLERANCE);
        double[] e = new double[1];
        double[] v = new double[1];
        for (int system = 0; system < densities.shape()[0]; system++) {
            for (int j = 0; j < densities.shape()[1]; j++) {
                double n = densities.values()[system * densities.shape()[1] + j];
                if (n <= 1e-10) {
                    continue;
                }
                lda.evaluatePoint(n, e, v, 0);
                String where = String.format("system %d, point %d (n = %.4e)", system, j, n);
                potentials.compare("vrho", where, v[0], storedV.values()[system * storedV.shape()[1] + j], Double.MIN_NORMAL);
                if (n >= 0.05) {
                    perParticle.compare("eps", where, e[0] / n, storedEps.values()[system * storedEps.shape()[1] + j], Double.MIN_NORMAL);
                }
            }
        }
        assertTrue(perParticle.count() > 500);
        potentials.assertWithinTolerance();
        perParticle.assertWithinTolerance();
    }

    @Test
    void limitsOfTheUniformGas() {
        // low density: ε_x → −(A/2π) y and ε_c → −(A/πα) y with α = 2, so both → −A n/(2κ)
        double n = 1e-9;
        double limit = -ExponentialLda1D.AMPLITUDE * n / (2.0 * ExponentialLda1D.KAPPA);
        assertEquals(limit, ExponentialLda1D.exchangePerParticle(n), 1e-12 * Math.abs(limit));
        assertEquals(limit, ExponentialLda1D.correlationPerParticle(n), 1e-4 * Math.abs(limit));
        // high density: ε_x → −A/2 and ε_c → 0 (JAX-DFT xc_test)
        assertEquals(-ExponentialLda1D.AMPLITUDE / 2.0, ExponentialLda1D.exchangePerParticle(1e4), 1e-4);
        assertEquals(0.0, ExponentialLda1D.correlationPerParticle(1e4), 1e-3);
        // the exchange series and the closed form meet at y = 1e-3
        double nSwitch = 1e-3 * ExponentialLda1D.KAPPA / Math.PI;
        double below = ExponentialLda1D.exchangePerParticle(Math.nextDown(nSwitch));
        double above = ExponentialLda1D.exchangePerParticle(nSwitch);
        assertEquals(above, below, 1e-13 * Math.abs(above));
    }
}
