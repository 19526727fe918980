package org.ofdft.ml.regression;

/**
 * Hyperparameters of the GP covariance k(x, x') = σ_f² exp(−‖x − x'‖²/(2ℓ²)) + σ_n² δ(x, x')
 * (Rasmussen & Williams, Gaussian Processes for Machine Learning, 2006, eqs. 2.31 and 5.1); scikit-learn's
 * {@code ConstantKernel(σ_f²) * RBF(ℓ) + WhiteKernel(σ_n²)}, whose θ = (log σ_f², log ℓ, log σ_n²) is the
 * log-parameter vector used here too.
 */
public record GaussianProcessHyperparameters(double signalVariance, double lengthScale, double noiseVariance) {

    public GaussianProcessHyperparameters {
        InputChecks.requirePositive(signalVariance, "GP signal variance σ_f²");
        InputChecks.requirePositive(lengthScale, "GP length scale ℓ");
        InputChecks.requirePositive(noiseVariance, "GP noise variance σ_n²");
    }

    /** θ = (log σ_f², log ℓ, log σ_n²). */
    public double[] logParameters() {
        return new double[] {Math.log(signalVariance), Math.log(lengthScale), Math.log(noiseVariance)};
    }

    public static GaussianProcessHyperparameters fromLogParameters(double[] theta) {
        return new GaussianProcessHyperparameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]));
    }
}
