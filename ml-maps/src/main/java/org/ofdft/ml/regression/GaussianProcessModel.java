package org.ofdft.ml.regression;

import java.util.Arrays;

/**
 * A Gaussian process conditioned on training data (zero prior mean; standardize targets first with
 * {@link Standardized} for a non-zero mean). Predictive distribution of the latent f at x*
 * (Rasmussen & Williams 2006, Algorithm 2.1):
 * <pre>
 *   mean f̄* = k*ᵀ α,  α = K⁻¹ y;     variance V[f*] = k(x*, x*) − vᵀv,  v = L⁻¹ k*
 * </pre>
 * with K = L Lᵀ the covariance of the noisy training targets. The variance of a new noisy observation is
 * V[f*] + σ_n² (scikit-learn's {@code predict(return_std=True)} with a WhiteKernel reports that one).
 */
public final class GaussianProcessModel implements DifferentiableRegressor {

    /** Predictive means and latent variances for a batch of inputs. */
    public record Prediction(double[] mean, double[] variance) {
    }

    private final GaussianProcessHyperparameters hyperparameters;
    private final int sampleCount;
    private final int featureCount;
    private final double[] trainingInputs;
    private final double[] trainingTargets;
    private final double[] alpha;
    private final double[] lower;
    private final double logMarginalLikelihood;
    private final ThreadLocal<double[]> scratch;

    /**
     * Conditions the GP on the training data.
     *
     * @param trainingInputs row-major sampleCount × featureCount; copied
     * @param trainingTargets one per row; copied
     */
    public GaussianProcessModel(GaussianProcessHyperparameters hyperparameters, double[] trainingInputs,
            int featureCount, double[] trainingTargets) {
        int n = trainingTargets.length;
        if (featureCount < 1 || n == 0 || trainingInputs.length != n * featureCount) {
            throw new IllegalArgumentException("Gaussian process: " + trainingInputs.length + " input values do not form "
                    + n + " rows of " + featureCount + " features");
        }
        this.hyperparameters = hyperparameters;
        this.sampleCount = n;
        this.featureCount = featureCount;
        this.trainingInputs = trainingInputs.clone();
        this.trainingTargets = trainingTargets.clone();
        double[] covariance = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i * n + j] = signalCovariance(this.trainingInputs, i * featureCount, j * featureCount);
            }
            covariance[i * n + i] += hyperparameters.noiseVariance();
        }
        CholeskyFactor cholesky = new CholeskyFactor(covariance, n, () -> "GP covariance K + σ_n²I (" + n + " × " + n
                + ", " + hyperparameters + ") is singular to working precision (duplicate inputs with tiny noise?);"
                + " use a larger noise variance");
        this.lower = cholesky.lower();
        this.alpha = this.trainingTargets.clone();
        cholesky.solveInPlace(alpha);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += trainingTargets[i] * alpha[i];
        }
        this.logMarginalLikelihood = -0.5 * fit - 0.5 * cholesky.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        this.scratch = ThreadLocal.withInitial(() -> new double[n]);
    }

    public GaussianProcessHyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** log p(y|X, θ) at the model's hyperparameters. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    public int sampleCount() {
        return sampleCount;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    /** The training inputs, row-major (a copy). */
    public double[] trainingInputsRowMajor() {
        return trainingInputs.clone();
    }

    /** The training targets (a copy). */
    public double[] trainingTargets() {
        return trainingTargets.clone();
    }

    /** α = K⁻¹ y (a copy). */
    public double[] dualCoefficients() {
        return alpha.clone();
    }

    /** The predictive mean f̄(x). */
    @Override
    public double predict(double[] x) {
        InputChecks.requireInput(x, featureCount);
        double sum = 0;
        for (int j = 0; j < sampleCount; j++) {
            sum += alpha[j] * signalCovariance(x, trainingInputs, j * featureCount);
        }
        return sum;
    }

    /** f̄(x) and ∂f̄/∂x = −Σ_j α_j k(x, x_j)(x − x_j)/ℓ². */
    @Override
    public double predictWithGradient(double[] x, double[] gradient) {
        InputChecks.requireInput(x, featureCount);
        Arrays.fill(gradient, 0, featureCount, 0.0);
        double inverseLengthSquared = 1 / (hyperparameters.lengthScale() * hyperparameters.lengthScale());
        double sum = 0;
        for (int j = 0; j < sampleCount; j++) {
            int offset = j * featureCount;
            double weighted = alpha[j] * signalCovariance(x, trainingInputs, offset);
            sum += weighted;
            for (int i = 0; i < featureCount; i++) {
                gradient[i] -= weighted * (x[i] - trainingInputs[offset + i]) * inverseLengthSquared;
            }
        }
        return sum;
    }

    /** The variance of the latent function at x, V[f(x)] = k(x, x) − vᵀv (clipped at 0 against rounding). */
    public double predictiveVariance(double[] x) {
        InputChecks.requireInput(x, featureCount);
        double[] v = scratch.get();
        for (int j = 0; j < sampleCount; j++) {
            v[j] = signalCovariance(x, trainingInputs, j * featureCount);
        }
        // forward substitution L v = k*
        for (int i = 0; i < sampleCount; i++) {
            double sum = v[i];
            int row = i * sampleCount;
            for (int k = 0; k < i; k++) {
                sum -= lower[row + k] * v[k];
            }
            v[i] = sum / lower[row + i];
        }
        double explained = 0;
        for (int i = 0; i < sampleCount; i++) {
            explained += v[i] * v[i];
        }
        return Math.max(0.0, hyperparameters.signalVariance() - explained);
    }

    /** The variance of a new noisy observation at x: V[f(x)] + σ_n². */
    public double observationVariance(double[] x) {
        return predictiveVariance(x) + hyperparameters.noiseVariance();
    }

    /** Predictive means and latent variances of many inputs. */
    public Prediction predictWithVariance(double[][] xs) {
        InputChecks.requireFeatures(xs, "inputs");
        double[] mean = new double[xs.length];
        double[] variance = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            mean[i] = predict(xs[i]);
            variance[i] = predictiveVariance(xs[i]);
        }
        return new Prediction(mean, variance);
    }

    private double signalCovariance(double[] a, int aOffset, int bOffset) {
        return signalCovariance(a, aOffset, trainingInputs, bOffset);
    }

    private double signalCovariance(double[] x, double[] b, int bOffset) {
        return signalCovariance(x, 0, b, bOffset);
    }

    private double signalCovariance(double[] a, int aOffset, double[] b, int bOffset) {
        double squared = DistanceMetric.SQUARED_EUCLIDEAN.between(a, aOffset, b, bOffset, featureCount);
        double length = hyperparameters.lengthScale();
        return hyperparameters.signalVariance() * Math.exp(-squared / (2 * length * length));
    }

    @Override
    public String toString() {
        return "GaussianProcessModel[" + hyperparameters + ", " + sampleCount + " samples × " + featureCount
                + " features, log p(y|X) = " + logMarginalLikelihood + "]";
    }
}
