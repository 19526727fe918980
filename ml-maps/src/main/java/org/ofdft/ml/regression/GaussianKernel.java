package org.ofdft.ml.regression;

/**
 * The Gaussian (RBF) kernel k(x, x') = exp(−‖x − x'‖²/(2σ²)) (Snyder et al., PRL 108, 253002 (2012),
 * eq. 3); scikit-learn's {@code rbf} with γ = 1/(2σ²). ∂k/∂x = −k (x − x')/σ².
 */
public record GaussianKernel(double sigma) implements DistanceKernel {

    public GaussianKernel {
        InputChecks.requirePositive(sigma, "Gaussian kernel width σ");
    }

    @Override
    public DistanceMetric metric() {
        return DistanceMetric.SQUARED_EUCLIDEAN;
    }

    @Override
    public double ofDistance(double squaredDistance) {
        return Math.exp(-squaredDistance / (2 * sigma * sigma));
    }

    @Override
    public GaussianKernel withSigma(double width) {
        return new GaussianKernel(width);
    }

    @Override
    public double sklearnGamma() {
        return 1 / (2 * sigma * sigma);
    }

    @Override
    public double valueAndAddGradient(double[] x, double[] b, int bOffset, double weight, double[] gradient) {
        int d = x.length;
        double k = ofDistance(DistanceMetric.SQUARED_EUCLIDEAN.between(x, 0, b, bOffset, d));
        double factor = -weight * k / (sigma * sigma);
        for (int i = 0; i < d; i++) {
            gradient[i] += factor * (x[i] - b[bOffset + i]);
        }
        return k;
    }
}
