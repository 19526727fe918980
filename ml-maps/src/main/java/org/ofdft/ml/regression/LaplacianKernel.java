package org.ofdft.ml.regression;

/**
 * The Laplacian kernel k(x, x') = exp(−‖x − x'‖₁/σ) (Hansen et al., JCTC 9, 3404 (2013), for Coulomb
 * matrices); scikit-learn's {@code laplacian} with γ = 1/σ. ∂k/∂x_i = −k sign(x_i − x'_i)/σ, taken as 0
 * where x_i = x'_i (the kernel has a kink there).
 */
public record LaplacianKernel(double sigma) implements DistanceKernel {

    public LaplacianKernel {
        InputChecks.requirePositive(sigma, "Laplacian kernel width σ");
    }

    @Override
    public DistanceMetric metric() {
        return DistanceMetric.MANHATTAN;
    }

    @Override
    public double ofDistance(double manhattanDistance) {
        return Math.exp(-manhattanDistance / sigma);
    }

    @Override
    public LaplacianKernel withSigma(double width) {
        return new LaplacianKernel(width);
    }

    @Override
    public double sklearnGamma() {
        return 1 / sigma;
    }

    @Override
    public double valueAndAddGradient(double[] x, double[] b, int bOffset, double weight, double[] gradient) {
        int d = x.length;
        double k = ofDistance(DistanceMetric.MANHATTAN.between(x, 0, b, bOffset, d));
        double factor = -weight * k / sigma;
        for (int i = 0; i < d; i++) {
            gradient[i] += factor * Math.signum(x[i] - b[bOffset + i]);
        }
        return k;
    }
}
