package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.InputChecks;
import org.ofdft.ml.regression.KernelRidgeModel;
import org.ofdft.ml.regression.KernelRidgePath;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.Learner;

/**
 * Cross-validated grid search over kernel width σ and regularization λ for kernel ridge regression with a
 * stationary kernel. The distance matrix of the whole data set is computed once; for each split and σ the
 * training kernel matrix is one element-wise map of a sub-block, factorized once ({@link KernelRidgePath}),
 * and every λ then costs O(n²). The (split, σ) tasks run on {@code threads} worker threads; scores are
 * combined in a fixed order, so results do not depend on the thread count. The score of a (σ, λ) is the
 * mean over splits of the criterion (scikit-learn's GridSearchCV convention); a λ at which K + λI is
 * singular scores +∞.
 *
 * @param family any kernel of the family searched (e.g. {@code new GaussianKernel(1)}); its own σ is not used
 * @param threads worker threads for the (split, σ) tasks and the distance matrix
 */
public record KernelRidgeGridSearch(DistanceKernel family, double[] sigmas, double[] lambdas,
        Metrics.Criterion criterion, int threads) {

    /** Mean cross-validated error for every (σ, λ) and the best pair (smallest error; first on ties). */
    public record Result(DistanceKernel family, double[] sigmas, double[] lambdas, double[][] meanError,
            int bestSigmaIndex, int bestLambdaIndex) {

        public double bestSigma() {
            return sigmas[bestSigmaIndex];
        }

        public double bestLambda() {
            return lambdas[bestLambdaIndex];
        }

        public double bestError() {
            return meanError[bestSigmaIndex][bestLambdaIndex];
        }

        public DistanceKernel bestKernel() {
            return family.withSigma(bestSigma());
        }

        /** Kernel ridge regression at the best (σ, λ). */
        public KernelRidgeRegression bestLearner() {
            return new KernelRidgeRegression(bestKernel(), bestLambda());
        }
    }

    public KernelRidgeGridSearch {
        if (family == null || criterion == null) {
            throw new IllegalArgumentException("grid search needs a kernel family and a criterion");
        }
        if (sigmas == null || sigmas.length == 0 || lambdas == null || lambdas.length == 0) {
            throw new IllegalArgumentException("grid search needs at least one σ and one λ");
        }
        sigmas = sigmas.clone();
        lambdas = lambdas.clone();
        for (double sigma : sigmas) {
            InputChecks.requirePositive(sigma, "grid σ");
        }
        for (double lambda : lambdas) {
            InputChecks.requirePositive(lambda, "grid λ");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
    }

    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** Searches on the given splits. */
    public Result search(double[][] features, double[] targets, List<Split> splits) {
        int d = InputChecks.requireTrainingData(features, targets);
        CrossValidation.requireIndices(splits, features.length);
        int n = features.length;
        double[] inputs = InputChecks.flatten(features);
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "krr-grid-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            double[] distances = distanceMatrix(pool, inputs, n, d);
            double[][][] scores = new double[splits.size()][sigmas.length][];
            List<Future<?>> tasks = new ArrayList<>();
            for (int s = 0; s < splits.size(); s++) {
                for (int k = 0; k < sigmas.length; k++) {
                    int split = s;
                    int sigma = k;
                    tasks.add(pool.submit(() -> {
                        scores[split][sigma] = scoreLambdas(distances, n, targets, splits.get(split),
                                family.withSigma(sigmas[sigma]));
                    }));
                }
            }
            awaitAll(tasks);
            double[][] mean = new double[sigmas.length][lambdas.length];
            int bestSigma = 0;
            int bestLambda = 0;
            for (int k = 0; k < sigmas.length; k++) {
                for (int l = 0; l < lambdas.length; l++) {
                    double sum = 0;
                    for (double[][] split : scores) {
                        sum += split[k][l];
                    }
                    mean[k][l] = sum / scores.length;
                    if (mean[k][l] < mean[bestSigma][bestLambda]) {
                        bestSigma = k;
                        bestLambda = l;
                    }
                }
            }
            if (!Double.isFinite(mean[bestSigma][bestLambda])) {
                throw new IllegalArgumentException("every (σ, λ) of the grid gave a singular kernel matrix K + λI;"
                        + " use larger λ values");
            }
            return new Result(family, sigmas, lambdas, mean, bestSigma, bestLambda);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A learner that runs this search on the inner splits of its training set and refits at the best (σ, λ). */
    public Learner tuned(Splitter innerSplits) {
        return (features, targets) -> fitBest(features, targets, innerSplits);
    }

    /** Grid search on {@code innerSplits} of the data, then kernel ridge regression at the best pair on all of it. */
    public KernelRidgeModel fitBest(double[][] features, double[] targets, Splitter innerSplits) {
        InputChecks.requireTrainingData(features, targets);
        Result result = search(features, targets, innerSplits.splits(features.length));
        return result.bestLearner().fit(features, targets);
    }

    private double[] scoreLambdas(double[] distances, int n, double[] targets, Split split, DistanceKernel kernel) {
        int[] train = split.train();
        int[] test = split.test();
        int trainCount = train.length;
        int testCount = test.length;
        double[] gram = new double[trainCount * trainCount];
        for (int a = 0; a < trainCount; a++) {
            int row = train[a] * n;
            for (int b = a; b < trainCount; b++) {
                double value = kernel.ofDistance(distances[row + train[b]]);
                gram[a * trainCount + b] = value;
                gram[b * trainCount + a] = value;
            }
        }
        double[] cross = new double[testCount * trainCount];
        for (int a = 0; a < testCount; a++) {
            int row = test[a] * n;
            for (int b = 0; b < trainCount; b++) {
                cross[a * trainCount + b] = kernel.ofDistance(distances[row + train[b]]);
            }
        }
        double[] trainTargets = Split.values(targets, train);
        double[] testTargets = Split.values(targets, test);
        KernelRidgePath path = new KernelRidgePath(gram, trainTargets, true);
        double[] alpha = new double[trainCount];
        double[] scratch = new double[trainCount];
        double[] predictions = new double[testCount];
        double[] result = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            try {
                path.dualCoefficients(lambdas[l], alpha, scratch);
            } catch (IllegalArgumentException singular) {
                result[l] = Double.POSITIVE_INFINITY;
                continue;
            }
            for (int a = 0; a < testCount; a++) {
                double sum = 0;
                int row = a * trainCount;
                for (int b = 0; b < trainCount; b++) {
                    sum += cross[row + b] * alpha[b];
                }
                predictions[a] = sum;
            }
            result[l] = criterion.of(Metrics.of(testTargets, predictions));
        }
        return result;
    }

    private double[] distanceMatrix(ExecutorService pool, double[] inputs, int n, int d) {
        double[] distances = new double[n * n];
        int blocks = Math.min(n, 4 * threads);
        List<Future<?>> tasks = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            int first = (int) ((long) n * block / blocks);
            int last = (int) ((long) n * (block + 1) / blocks);
            tasks.add(pool.submit(() -> {
                for (int i = first; i < last; i++) {
                    for (int j = 0; j < n; j++) {
                        distances[i * n + j] = family.metric().between(inputs, i * d, inputs, j * d, d);
                    }
                }
            }));
        }
        awaitAll(tasks);
        return distances;
    }

    private static void awaitAll(List<Future<?>> tasks) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grid search interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
