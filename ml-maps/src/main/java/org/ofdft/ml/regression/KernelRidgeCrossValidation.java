package org.ofdft.ml.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-fold cross-validation of kernel ridge regression over a grid of widths σ and regularizations λ, for a
 * distance kernel (Gaussian, Laplacian). The cost is kept to what the grid needs: the distance matrix is
 * computed once; for every (σ, fold) the training block of the kernel matrix is reduced once
 * ({@link KernelRidgePath}) and then serves every λ. The (σ, fold) pairs run in parallel. The score is the
 * mean absolute error on the held-out folds (pooled over all samples), as in Snyder et al., PRL 108,
 * 253002 (2012), where σ and λ were chosen this way on the training set only. A (σ, λ) whose K + λI is not
 * positive definite to working precision on some fold scores +∞.
 */
public final class KernelRidgeCrossValidation {

    /**
     * The chosen hyperparameters and the whole score table {@code meanAbsoluteError[s][l]} for sigmas[s],
     * lambdas[l].
     */
    public record Result(double sigma, double lambda, double[] sigmas, double[] lambdas,
                         double[][] meanAbsoluteError) {

        /** Grid points (σ index, λ index) with a finite score, best first. */
        public List<int[]> ranking() {
            List<int[]> ranked = new ArrayList<>();
            for (int s = 0; s < sigmas.length; s++) {
                for (int l = 0; l < lambdas.length; l++) {
                    if (Double.isFinite(meanAbsoluteError[s][l])) {
                        ranked.add(new int[] {s, l});
                    }
                }
            }
            ranked.sort(java.util.Comparator.comparingDouble(p -> meanAbsoluteError[p[0]][p[1]]));
            return ranked;
        }

        /** The lowest cross-validated MAE. */
        public double bestError() {
            double best = Double.POSITIVE_INFINITY;
            for (double[] row : meanAbsoluteError) {
                for (double e : row) {
                    best = Math.min(best, e);
                }
            }
            return best;
        }
    }

    private KernelRidgeCrossValidation() {
    }

    /**
     * Assigns samples to k folds after a seeded shuffle: fold f holds positions f, f + k, f + 2k, … of the
     * permutation. Returns fold[i] for every sample.
     */
    public static int[] foldAssignment(int samples, int folds, long seed) {
        if (folds < 2 || folds > samples) {
            throw new IllegalArgumentException("k-fold cross-validation needs 2 ≤ k ≤ samples (" + samples
                    + "), got k = " + folds);
        }
        int[] permutation = IntStream.range(0, samples).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        int[] fold = new int[samples];
        for (int position = 0; position < samples; position++) {
            fold[permutation[position]] = position % folds;
        }
        return fold;
    }

    /**
     * Scores every (σ, λ) by k-fold CV and returns the best pair (ties: the first in grid order).
     *
     * @param family the kernel family; only its metric and {@link DistanceKernel#withSigma} are used
     */
    public static Result search(DistanceKernel family, double[][] features, double[] targets, double[] sigmas,
                                double[] lambdas, int folds, long seed) {
        InputChecks.requireTrainingData(features, targets);
        return scoreGrid(family, features, new double[][] {targets}, null, sigmas, lambdas, folds, seed);
    }

    /**
     * Fits on all samples at the best cross-validated (σ, λ) with the same solve the search scored
     * ({@link KernelRidgePath}, usable at λ far below what a Cholesky factorization of K + λI survives); if
     * K + λI of the whole set is not positive definite to working precision there, or the fit is swamped by
     * rounding (see {@link #requireResolved}), the next best pair.
     */
    public static KernelRidgeModel fitBest(Result result, DistanceKernel family, double[][] features, double[] targets) {
        return firstPositiveDefinite(result, targets.length, (sigma, lambda) -> {
            KernelRidgeModel model = KernelRidgePath.fit(family.withSigma(result.sigmas()[sigma]), features, targets,
                    result.lambdas()[lambda]);
            requireResolved(model, features, targets, result.meanAbsoluteError()[sigma][lambda]);
            return model;
        });
    }

    /**
     * The fit's own equations, f(x_i) + λα_i = y_i, must hold on the training samples to better than the
     * pair's cross-validated error. At the tiny λ of noise-free targets (1e-14 for exact kinetic energies)
     * the dual coefficients reach 1e9–1e11 and f(x) = Σ α_j k(x, x_j) is a sum with massive cancellation;
     * on the whole training set K is worse conditioned than on the folds that scored the pair, and one such
     * fit (200 Snyder densities, σ = 40, λ = 1e-14) missed its own training targets by 4e-3 Ha and the test
     * set by 20× the neighbouring pairs, while the folds had scored it best. Costs one prediction per training
     * sample; throws IllegalArgumentException so that {@link #firstPositiveDefinite} moves to the next pair.
     */
    static void requireResolved(KernelRidgeModel model, double[][] features, double[] targets, double cvError) {
        double[] alpha = model.dualCoefficients();
        double worst = 0;
        double largest = 0;
        for (int i = 0; i < targets.length; i++) {
            worst = Math.max(worst, Math.abs(model.predict(features[i]) + model.lambda() * alpha[i] - targets[i]));
            largest = Math.max(largest, Math.abs(targets[i]));
        }
        // a cross-validated error at round-off level (exactly representable test data) is no bar to hold a fit to
        if (!(worst <= Math.max(cvError, 1e-12 * largest))) {
            throw new IllegalArgumentException("the fit at λ = " + model.lambda() + " misses its own training targets "
                    + "by " + worst + " (rounding in K + λI), more than its cross-validated error " + cvError);
        }
    }

    /** A fit at grid point (σ index, λ index); throws IllegalArgumentException if K + λI is not positive definite. */
    @FunctionalInterface
    public interface GridPointFit<T> {
        T fit(int sigmaIndex, int lambdaIndex);
    }

    /**
     * {@code fit} at the best cross-validated (σ, λ), or, where K + λI of the whole training set (of
     * {@code samples}) is not positive definite to working precision there, at the next best in
     * {@link Result#ranking()} order.
     */
    public static <T> T firstPositiveDefinite(Result result, int samples, GridPointFit<T> fit) {
        IllegalArgumentException failure = null;
        for (int[] pair : result.ranking()) {
            try {
                return fit.fit(pair[0], pair[1]);
            } catch (IllegalArgumentException singular) {
                failure = singular;
            }
        }
        throw new IllegalArgumentException("no cross-validated (σ, λ) gives a positive definite K + λI on all "
                + samples + " training samples, resolved above rounding; use larger λ", failure);
    }

    /**
     * Multi-output k-fold CV: every (σ, λ) scored by the mean over samples of Σ_t w_t (prediction_t − y_t)²
     * (e.g. the squared L2 error of a density from its basis coefficients with weights w), one reduction per
     * (σ, fold) serving every λ and every output. {@code targets[i]} holds the outputs of sample i.
     */
    public static Result searchMultiOutput(DistanceKernel family, double[][] features, double[][] targets,
                                           double[] outputWeights, double[] sigmas, double[] lambdas, int folds,
                                           long seed) {
        InputChecks.requireFeatures(features, "features");
        if (targets.length != features.length) {
            throw new IllegalArgumentException("features have " + features.length + " rows but targets "
                    + targets.length);
        }
        int outputs = InputChecks.requireFeatures(targets, "targets");
        if (outputWeights.length != outputs) {
            throw new IllegalArgumentException(outputWeights.length + " output weights for " + outputs + " outputs");
        }
        double[][] columns = new double[outputs][targets.length];
        for (int i = 0; i < targets.length; i++) {
            for (int t = 0; t < outputs; t++) {
                columns[t][i] = targets[i][t];
            }
        }
        return scoreGrid(family, features, columns, outputWeights, sigmas, lambdas, folds, seed);
    }

    /** A non-empty grid of positive widths σ and regularizations λ. */
    public static void requireGrid(double[] sigmas, double[] lambdas) {
        if (sigmas.length == 0 || lambdas.length == 0) {
            throw new IllegalArgumentException("hyperparameter grid is empty: " + sigmas.length + " σ × "
                    + lambdas.length + " λ");
        }
        for (double sigma : sigmas) {
            InputChecks.requirePositive(sigma, "σ");
        }
        for (double lambda : lambdas) {
            InputChecks.requirePositive(lambda, "λ");
        }
    }

    /**
     * The grid search behind both searches: {@code columns[t]} is output t over the samples; the score is
     * the mean over samples of Σ_t |error| ({@code weights} null) or Σ_t w_t error².
     */
    private static Result scoreGrid(DistanceKernel family, double[][] features, double[][] columns, double[] weights,
                                    double[] sigmas, double[] lambdas, int folds, long seed) {
        requireGrid(sigmas, lambdas);
        int samples = features.length;
        double[] rows = InputChecks.flatten(features);
        double[] distances = family.metric().pairwise(rows, samples, rows, samples, features[0].length);
        return scoreGrid(s -> {
            DistanceKernel kernel = family.withSigma(sigmas[s]);
            return (i, j) -> kernel.ofDistance(distances[i * samples + j]);
        }, samples, columns, weights, sigmas, lambdas, folds, seed);
    }

    /**
     * Scores every (σ, λ) by k-fold CV for a kernel given as matrices, {@code kernelMatrices[s]} the
     * samples × samples matrix (row-major) at sigmas[s] — for kernels that are not a function of one distance
     * (e.g. averaged over a symmetry group) — and returns the best pair (ties: the first in grid order).
     */
    public static Result searchPrecomputed(double[][] kernelMatrices, double[] targets, double[] sigmas,
                                           double[] lambdas, int folds, long seed) {
        requireGrid(sigmas, lambdas);
        int samples = targets.length;
        if (kernelMatrices.length != sigmas.length) {
            throw new IllegalArgumentException(kernelMatrices.length + " kernel matrices for " + sigmas.length + " σ");
        }
        for (double[] matrix : kernelMatrices) {
            if (matrix.length != samples * samples) {
                throw new IllegalArgumentException("kernel matrix of " + matrix.length + " entries for " + samples
                        + " targets");
            }
        }
        return scoreGrid(s -> (i, j) -> kernelMatrices[s][i * samples + j], samples, new double[][] {targets}, null,
                sigmas, lambdas, folds, seed);
    }

    /** Entry K(x_i, x_j) of a kernel matrix over the samples. */
    @FunctionalInterface
    private interface KernelEntries {
        double entry(int i, int j);
    }

    private static Result scoreGrid(java.util.function.IntFunction<KernelEntries> kernelOfSigma, int samples,
                                    double[][] columns, double[] weights, double[] sigmas, double[] lambdas,
                                    int folds, long seed) {
        int[] fold = foldAssignment(samples, folds, seed);
        // errorSums[s][f][l]: summed error measure of fold f's held-out samples
        double[][][] errorSums = new double[sigmas.length][folds][];
        IntStream.range(0, sigmas.length * folds).parallel().forEach(task -> {
            int s = task / folds;
            int f = task % folds;
            errorSums[s][f] = foldErrors(kernelOfSigma.apply(s), columns, weights, fold, f, lambdas);
        });
        double[][] table = new double[sigmas.length][lambdas.length];
        int bestS = 0;
        int bestL = 0;
        for (int s = 0; s < sigmas.length; s++) {
            for (int l = 0; l < lambdas.length; l++) {
                for (int f = 0; f < folds; f++) {
                    table[s][l] += errorSums[s][f][l] / samples;
                }
                if (table[s][l] < table[bestS][bestL]) {
                    bestS = s;
                    bestL = l;
                }
            }
        }
        if (!Double.isFinite(table[bestS][bestL])) {
            throw new IllegalArgumentException("no (σ, λ) of the grid gives a positive definite K + λI on every fold; "
                    + "use larger λ");
        }
        return new Result(sigmas[bestS], lambdas[bestL], sigmas.clone(), lambdas.clone(), table);
    }

    /**
     * Summed errors of held-out fold {@code heldOut} for every λ: one reduction of the training block of K,
     * predictions as (K_* Q) z — O(n) per test row, output and λ. A λ at which K + λI is not positive definite
     * to working precision scores +∞.
     */
    private static double[] foldErrors(KernelEntries kernel, double[][] columns, double[] weights, int[] fold,
                                       int heldOut, double[] lambdas) {
        int samples = fold.length;
        int outputs = columns.length;
        int[] train = IntStream.range(0, samples).filter(i -> fold[i] != heldOut).toArray();
        int[] test = IntStream.range(0, samples).filter(i -> fold[i] == heldOut).toArray();
        int n = train.length;
        double[] trainingKernel = new double[n * n];
        double[][] targetSets = new double[outputs][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < outputs; t++) {
                targetSets[t][i] = columns[t][train[i]];
            }
            for (int j = 0; j < n; j++) {
                trainingKernel[i * n + j] = kernel.entry(train[i], train[j]);
            }
        }
        double[] crossKernel = new double[test.length * n];
        for (int i = 0; i < test.length; i++) {
            for (int j = 0; j < n; j++) {
                crossKernel[i * n + j] = kernel.entry(test[i], train[j]);
            }
        }
        KernelRidgePath path = new KernelRidgePath(trainingKernel, targetSets, true);
        double[] rotatedCross = path.rotate(crossKernel, test.length);
        double[] z = new double[n];
        double[] scratch = new double[n];
        double[] errors = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            for (int t = 0; t < outputs && Double.isFinite(errors[l]); t++) {
                try {
                    path.rotatedDualCoefficients(t, lambdas[l], z, scratch);
                } catch (IllegalArgumentException singular) {
                    errors[l] = Double.POSITIVE_INFINITY;
                    break;
                }
                for (int i = 0; i < test.length; i++) {
                    double prediction = 0;
                    for (int j = 0; j < n; j++) {
                        prediction += rotatedCross[i * n + j] * z[j];
                    }
                    double difference = prediction - columns[t][test[i]];
                    errors[l] += weights == null ? Math.abs(difference) : weights[t] * difference * difference;
                }
            }
        }
        return errors;
    }
}
