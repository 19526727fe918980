package org.ofdft.ml.regression;

import java.util.SplittableRandom;

/**
 * Gaussian process regression with the covariance of {@link GaussianProcessHyperparameters}. With
 * {@code optimize}, θ = (log σ_f², log ℓ, log σ_n²) maximizes the log marginal likelihood
 * ({@link LogMarginalLikelihood}, analytic gradient) by bounded L-BFGS from the given start and from
 * {@code restarts} further starts drawn uniformly in the log bounds with the given seed (scikit-learn's
 * {@code n_restarts_optimizer} scheme); the best optimum wins. Targets are used as given
 * ({@code normalize_y=False}); wrap in {@link Standardized} to standardize them.
 */
public record GaussianProcessRegression(GaussianProcessHyperparameters initial, boolean optimize, int restarts,
        long seed, double lowerBound, double upperBound) implements Learner {

    /** scikit-learn's default hyperparameter bounds (1e-5, 1e5) on every parameter. */
    public static final double DEFAULT_LOWER_BOUND = 1e-5;
    public static final double DEFAULT_UPPER_BOUND = 1e5;

    // Function tolerance 1e-13: the log likelihood of n samples carries rounding noise of about n·ε relative.
    private static final BoundedLbfgs OPTIMIZER = new BoundedLbfgs(10, 500, 1e-9, 1e-13);

    public GaussianProcessRegression {
        if (initial == null) {
            throw new IllegalArgumentException("initial hyperparameters must not be null");
        }
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be ≥ 0, got " + restarts);
        }
        if (!(lowerBound > 0 && upperBound > lowerBound && Double.isFinite(upperBound))) {
            throw new IllegalArgumentException("hyperparameter bounds must satisfy 0 < lower < upper < ∞, got ["
                    + lowerBound + ", " + upperBound + "]");
        }
    }

    /** A GP with fixed hyperparameters (no optimization). */
    public static GaussianProcessRegression fixed(GaussianProcessHyperparameters parameters) {
        return new GaussianProcessRegression(parameters, false, 0, 0, DEFAULT_LOWER_BOUND, DEFAULT_UPPER_BOUND);
    }

    /** A GP whose hyperparameters maximize the log marginal likelihood, with default bounds. */
    public static GaussianProcessRegression optimized(GaussianProcessHyperparameters initial, int restarts, long seed) {
        return new GaussianProcessRegression(initial, true, restarts, seed, DEFAULT_LOWER_BOUND, DEFAULT_UPPER_BOUND);
    }

    @Override
    public GaussianProcessModel fit(double[][] features, double[] targets) {
        int d = InputChecks.requireTrainingData(features, targets);
        GaussianProcessHyperparameters parameters = optimize ? maximizeLikelihood(features, targets) : initial;
        return new GaussianProcessModel(parameters, InputChecks.flatten(features), d, targets);
    }

    /** The hyperparameters of largest log marginal likelihood over all starts. */
    public GaussianProcessHyperparameters maximizeLikelihood(double[][] features, double[] targets) {
        LogMarginalLikelihood likelihood = new LogMarginalLikelihood(features, targets);
        BoundedLbfgs.Objective negative = (theta, gradient) -> {
            double value = likelihood.valueAndGradient(theta, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return -value;
        };
        double[] lower = new double[3];
        double[] upper = new double[3];
        java.util.Arrays.fill(lower, Math.log(lowerBound));
        java.util.Arrays.fill(upper, Math.log(upperBound));
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int start = 0; start <= restarts; start++) {
            double[] theta = start == 0 ? initial.logParameters() : new double[3];
            if (start > 0) {
                for (int i = 0; i < 3; i++) {
                    theta[i] = lower[i] + (upper[i] - lower[i]) * random.nextDouble();
                }
            }
            BoundedLbfgs.Minimum minimum = OPTIMIZER.minimize(negative, theta, lower, upper);
            if (minimum.value() < bestValue) {
                bestValue = minimum.value();
                best = minimum.point();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no start gave a positive-definite GP covariance; the data have"
                    + " duplicate inputs or the bounds [" + lowerBound + ", " + upperBound + "] are too narrow");
        }
        return GaussianProcessHyperparameters.fromLogParameters(best);
    }
}
