package org.ofdft.ml.regression;

/**
 * The GP log marginal likelihood and its gradient with respect to θ = (log σ_f², log ℓ, log σ_n²)
 * (Rasmussen & Williams 2006, eqs. 2.30 and 5.9):
 * <pre>
 *   log p(y|X, θ) = −½ yᵀα − Σ_i log L_ii − (n/2) log 2π,   α = K⁻¹y,  K = L Lᵀ
 *   ∂/∂θ_j log p = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j)
 *   ∂K/∂log σ_f² = K_f,   ∂K/∂log ℓ = K_f ∘ D/ℓ²,   ∂K/∂log σ_n² = σ_n² I
 * </pre>
 * with K_f = σ_f² exp(−D/(2ℓ²)) and D the squared distances, computed once for the training set.
 */
public final class LogMarginalLikelihood {

    private final int n;
    private final double[] targets;
    private final double[] squaredDistances;

    public LogMarginalLikelihood(double[][] features, double[] targets) {
        int d = InputChecks.requireTrainingData(features, targets);
        this.n = features.length;
        this.targets = targets.clone();
        double[] inputs = InputChecks.flatten(features);
        this.squaredDistances = DistanceMetric.SQUARED_EUCLIDEAN.pairwise(inputs, n, inputs, n, d);
    }

    /** log p(y|X, θ) at the given hyperparameters (no gradient). */
    public double value(GaussianProcessHyperparameters parameters) {
        return valueAndGradient(parameters.logParameters(), null);
    }

    /**
     * Returns log p(y|X, θ) and, if {@code gradient} is not null, writes ∂ log p/∂θ into it. Returns −∞ when
     * K is not positive definite to working precision (as scikit-learn does).
     */
    public double valueAndGradient(double[] theta, double[] gradient) {
        double signalVariance = Math.exp(theta[0]);
        double lengthScale = Math.exp(theta[1]);
        double noiseVariance = Math.exp(theta[2]);
        double inverseTwoLengthSquared = 1 / (2 * lengthScale * lengthScale);
        double[] signalCovariance = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            signalCovariance[i] = signalVariance * Math.exp(-squaredDistances[i] * inverseTwoLengthSquared);
        }
        double[] covariance = signalCovariance.clone();
        for (int i = 0; i < n; i++) {
            covariance[i * n + i] += noiseVariance;
        }
        CholeskyFactor cholesky;
        try {
            cholesky = new CholeskyFactor(covariance, n, () -> "GP covariance matrix not positive definite");
        } catch (IllegalArgumentException notPositiveDefinite) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = targets.clone();
        cholesky.solveInPlace(alpha);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += targets[i] * alpha[i];
        }
        double logLikelihood = -0.5 * fit - 0.5 * cholesky.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        if (gradient != null) {
            double[] inverse = cholesky.inverse();
            double signalTerm = 0;
            double lengthTerm = 0;
            double noiseTerm = 0;
            double inverseLengthSquared = 1 / (lengthScale * lengthScale);
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    double weight = alpha[i] * alpha[j] - inverse[row + j];
                    double kf = signalCovariance[row + j];
                    signalTerm += weight * kf;
                    lengthTerm += weight * kf * squaredDistances[row + j] * inverseLengthSquared;
                }
                noiseTerm += alpha[i] * alpha[i] - inverse[row + i];
            }
            gradient[0] = 0.5 * signalTerm;
            gradient[1] = 0.5 * lengthTerm;
            gradient[2] = 0.5 * noiseTerm * noiseVariance;
        }
        return logLikelihood;
    }
}
