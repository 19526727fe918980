package org.ofdft.ml.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The LASSO regularization path: solutions for a decreasing sequence of α, each warm-started from the
 * previous one (Friedman, Hastie & Tibshirani 2010, §2.5). α_max = max_j |x_jᵀy_c|/n is the smallest α with
 * w = 0; the default path is scikit-learn's: {@code count} values log-spaced from α_max down to ε·α_max.
 */
public record LassoPath(double[] alphas, List<LinearModel> models) {

    public LassoPath {
        alphas = alphas.clone();
        models = List.copyOf(models);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** Path over {@code count} α log-spaced from α_max to ε·α_max (scikit-learn: ε = 1e-3, count = 100). */
    public static LassoPath fit(double[][] features, double[] targets, double epsilon, int count, double tolerance) {
        if (count < 1 || !(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("path needs count ≥ 1 and 0 < ε < 1, got " + count + ", " + epsilon);
        }
        double alphaMax = maximalAlpha(features, targets);
        double[] alphas = new double[count];
        for (int k = 0; k < count; k++) {
            alphas[k] = count == 1 ? alphaMax : alphaMax * Math.pow(epsilon, (double) k / (count - 1));
        }
        return fit(features, targets, alphas, true, tolerance, 10_000);
    }

    /** The smallest α for which the (intercept-fitted) LASSO solution is w = 0. */
    public static double maximalAlpha(double[][] features, double[] targets) {
        Centred data = Centred.of(features, targets, true);
        double largest = 0;
        for (int j = 0; j < data.d; j++) {
            double sum = 0;
            for (int i = 0; i < data.n; i++) {
                sum += data.columns[j * data.n + i] * data.targets[i];
            }
            largest = Math.max(largest, Math.abs(sum));
        }
        return largest / data.n;
    }

    /** Solutions for the given α (sorted into decreasing order first), warm-started along the path. */
    public static LassoPath fit(double[][] features, double[] targets, double[] alphas, boolean fitIntercept,
            double tolerance, int maxSweeps) {
        if (alphas.length == 0) {
            throw new IllegalArgumentException("the LASSO path needs at least one α");
        }
        double[] sorted = alphas.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double swap = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = swap;
        }
        Centred data = Centred.of(features, targets, fitIntercept);
        double[] normsSquared = new double[data.d];
        for (int j = 0; j < data.d; j++) {
            for (int i = 0; i < data.n; i++) {
                double v = data.columns[j * data.n + i];
                normsSquared[j] += v * v;
            }
        }
        double[] weights = new double[data.d];
        double[] residual = data.targets.clone();
        List<LinearModel> models = new ArrayList<>();
        for (double alpha : sorted) {
            InputChecks.requireNonNegative(alpha, "LASSO α");
            LassoRegression.coordinateDescent(data.columns, normsSquared, data.targets, weights, residual, alpha,
                    tolerance, maxSweeps);
            double intercept = data.targetMean;
            for (int j = 0; j < data.d; j++) {
                intercept -= data.featureMean[j] * weights[j];
            }
            models.add(new LinearModel(weights, fitIntercept ? intercept : 0.0));
        }
        return new LassoPath(sorted, models);
    }

    /** Centred features stored column-major (each feature contiguous, as coordinate descent reads them). */
    private record Centred(int n, int d, double[] columns, double[] targets, double[] featureMean, double targetMean) {

        static Centred of(double[][] features, double[] targets, boolean centre) {
            int d = InputChecks.requireTrainingData(features, targets);
            int n = features.length;
            double[] mean = new double[d];
            double targetMean = 0;
            if (centre) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        mean[j] += features[i][j] / n;
                    }
                    targetMean += targets[i] / n;
                }
            }
            double[] columns = new double[n * d];
            double[] centred = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    columns[j * n + i] = features[i][j] - mean[j];
                }
                centred[i] = targets[i] - targetMean;
            }
            return new Centred(n, d, columns, centred, mean, targetMean);
        }
    }
}
