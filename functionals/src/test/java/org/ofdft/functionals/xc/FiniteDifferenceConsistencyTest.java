package org.ofdft.functionals.xc;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vrho and vsigma against central differences of e: (e(n + h) − e(n − h))/2h with h = 1e-5·n, and the
 * same in σ. Truncation (h² e‴/6) and round-off (1e-16·e/h) are both ~1e-10 relative, so 1e-7 is a
 * comfortable bound that still catches any wrong term in the analytic derivatives.
 */
class FiniteDifferenceConsistencyTest {

    private static final double RELATIVE_STEP = 1e-5;
    private static final double TOLERANCE = 1e-7;
    /** Densities across the regimes; none at r_s = 1 where PZ81 switches branches. */
    private static final double[] DENSITIES = {1e-5, 1e-3, 0.02, 0.1, 0.5, 1.0, 3.0, 10.0, 120.0};
    /** Reduced gradients s = |∇n|/(2 (3π²)^(1/3) n^(4/3)) for the GGA points. */
    private static final double[] REDUCED_GRADIENTS = {0.05, 0.4, 1.0, 2.5, 6.0};

    @Test
    void ldaPotentialsAreDerivativesOfTheEnergyDensity() {
        for (LdaKernel kernel : List.of(new SlaterExchange(), Pw92Correlation.original(), Pw92Correlation.modified(),
                new Pz81Correlation(), new ExponentialLda1D())) {
            RelativeAgreement agreement = new RelativeAgreement(kernel.name() + " vrho vs d e/d n", TOLERANCE);
            for (double n : DENSITIES) {
                double h = RELATIVE_STEP * n;
                double fd = (kernel.energyDensity(n + h) - kernel.energyDensity(n - h)) / (2.0 * h);
                agreement.compare("vrho", "n = " + n, kernel.potential(n), fd, Double.MIN_NORMAL);
            }
            agreement.assertWithinTolerance();
        }
    }

    @Test
    void ggaPotentialsAreDerivativesOfTheEnergyDensity() {
        double[] e = new double[1];
        double[] vrho = new double[1];
        double[] vsigma = new double[1];
        for (GgaKernel kernel : List.of(new PbeExchange(), new PbeCorrelation())) {
            RelativeAgreement rho = new RelativeAgreement(kernel.name() + " vrho vs d e/d n", TOLERANCE);
            RelativeAgreement sig = new RelativeAgreement(kernel.name() + " vsigma vs d e/d sigma", TOLERANCE);
            for (double n : DENSITIES) {
                for (double s : REDUCED_GRADIENTS) {
                    double gradN = s * 2.0 * Math.cbrt(3.0 * Math.PI * Math.PI) * Math.pow(n, 4.0 / 3.0);
                    double sigma = gradN * gradN;
                    kernel.evaluatePoint(n, sigma, e, vrho, vsigma, 0);
                    String where = String.format("n = %g, s = %g", n, s);
                    double hn = RELATIVE_STEP * n;
                    double fdRho = (kernel.energyDensity(n + hn, sigma) - kernel.energyDensity(n - hn, sigma))
                            / (2.0 * hn);
                    rho.compare("vrho", where, vrho[0], fdRho, Double.MIN_NORMAL);
                    double hs = RELATIVE_STEP * sigma;
                    double fdSigma = (kernel.energyDensity(n, sigma + hs) - kernel.energyDensity(n, sigma - hs))
                            / (2.0 * hs);
                    sig.compare("vsigma", where, vsigma[0], fdSigma, Double.MIN_NORMAL);
                }
            }
            rho.assertWithinTolerance();
            sig.assertWithinTolerance();
        }
    }
}
