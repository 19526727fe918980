package org.ofdft.ml.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.regression.DistanceKernel;
import org.ofdft.ml.regression.KernelRidgeCrossValidation;
import org.ofdft.ml.validation.Metrics;

/**
 * A learning curve of kernel ridge regression: test error against training-set size (Rupp et al. 2012,
 * Fig. 2; Hansen et al. 2013). One seeded shuffle splits the data into {@code testSize} held-out test
 * samples and a pool; the training set of size N is the first N of the pool, so the sets are nested and
 * the test set is the same at every N. At each N the width σ and regularization λ are chosen by k-fold
 * cross-validation on the training set only ({@link KernelGridSearch}), or fixed when the grid is a single
 * pair; the model is then fitted on all N training samples and scored on the test samples
 * ({@link Metrics}). Targets are centred on the training mean ({@link FittedKernelRidge}). Distances
 * between all samples are computed once and serve every σ, fold and N.
 */
public final class LearningCurve {

    /**
     * Default σ grid, as multiples of the median distance between training samples, a factor 2 apart. On
     * QM7 (noise-free targets) the CV error of the Laplacian kernel is lowest at 10–50 times the median for
     * the sorted Coulomb matrix and bag of bonds, a few times the median for the eigenvalue spectrum.
     */
    public static final double[] DEFAULT_SIGMA_FACTORS = {1, 2, 4, 8, 16, 32, 64, 128};
    /** Default λ grid (the targets are not scaled: λ is relative to the kernel's unit diagonal). */
    public static final double[] DEFAULT_LAMBDAS = {1e-12, 1e-9, 1e-6, 1e-3};
    /** At most this many training samples set the median distance of the default σ grid. */
    static final int MEDIAN_SAMPLES = 1000;

    /**
     * What to run.
     *
     * @param kernel        the kernel family
     * @param trainingSizes the training-set sizes N
     * @param testSize      the number of held-out test samples
     * @param seed          seed of the train/test shuffle and of the fold assignment
     * @param sigmas        the σ grid, or null for {@link #DEFAULT_SIGMA_FACTORS} × the median distance
     * @param lambdas       the λ grid
     * @param folds         k of the k-fold cross-validation (unused when σ and λ are both fixed)
     */
    public record Settings(KernelFamily kernel, int[] trainingSizes, int testSize, long seed, double[] sigmas,
                           double[] lambdas, int folds) {

        public Settings {
            if (kernel == null) {
                throw new IllegalArgumentException("a kernel family is needed");
            }
            if (trainingSizes == null || trainingSizes.length == 0) {
                throw new IllegalArgumentException("at least one training-set size is needed");
            }
            trainingSizes = trainingSizes.clone();
            sigmas = sigmas == null ? null : sigmas.clone();
            lambdas = lambdas.clone();
            if (lambdas.length == 0 || (sigmas != null && sigmas.length == 0)) {
                throw new IllegalArgumentException("the σ and λ grids must not be empty");
            }
        }

        /** Whether σ and λ are fixed (no cross-validation). */
        public boolean fixed() {
            return sigmas != null && sigmas.length == 1 && lambdas.length == 1;
        }
    }

    /**
     * One point of the curve.
     *
     * @param trainingSize        N
     * @param sigma               the σ used
     * @param lambda              the λ used
     * @param crossValidatedError the k-fold CV mean absolute error at (σ, λ); NaN when they were fixed
     * @param test                errors on the test samples
     * @param seconds             wall time of this point (CV and fit and prediction)
     * @param crossValidation     the whole CV score table (null when σ and λ were fixed)
     */
    public record Point(int trainingSize, double sigma, double lambda, double crossValidatedError,
                        Metrics test, double seconds, KernelRidgeCrossValidation.Result crossValidation) {
    }

    /**
     * The curve.
     *
     * @param settings       what was asked
     * @param sigmaGrid      the σ grid used
     * @param medianDistance the median training distance that scales the default σ grid
     * @param solver         the Cholesky backend
     * @param testIndices    the test samples (indices into the data)
     * @param points         one per training size, in the order asked
     */
    public record Result(Settings settings, double[] sigmaGrid, double medianDistance, String solver,
                         int[] testIndices, List<Point> points) {
    }

    private LearningCurve() {
    }

    /**
     * A seeded permutation of 0 … n−1 (Fisher–Yates with {@link SplittableRandom}): the test samples are
     * its first {@code testSize} entries, the training pool the rest.
     */
    public static int[] shuffle(int n, long seed) {
        int[] permutation = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        return permutation;
    }

    /** Checks the sizes against a data set of {@code samples}; the messages name the options' meaning. */
    public static void checkSizes(Settings settings, int samples) {
        if (settings.testSize() < 1 || settings.testSize() >= samples) {
            throw new IllegalArgumentException("test-set size must be between 1 and " + (samples - 1) + " (the data"
                    + " set has " + samples + " samples), got " + settings.testSize());
        }
        int pool = samples - settings.testSize();
        int smallest = settings.fixed() ? 1 : settings.folds();
        if (!settings.fixed() && settings.folds() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + settings.folds());
        }
        for (int n : settings.trainingSizes()) {
            if (n > pool) {
                throw new IllegalArgumentException("training-set size " + n + " is larger than the " + pool
                        + " samples left after the " + settings.testSize() + " test samples (data set: " + samples
                        + ")");
            }
            if (n < smallest) {
                throw new IllegalArgumentException("training-set size " + n + " is too small: need at least "
                        + smallest + (settings.fixed() ? "" : " (one sample per cross-validation fold)"));
            }
        }
    }

    /**
     * Runs the curve.
     *
     * @param features descriptor rows of all samples
     * @param targets  the property of each sample
     * @param log      receives one line per step (for progress on stderr)
     */
    public static Result run(double[][] features, double[] targets, Settings settings, DenseCholesky solver,
                             Consumer<String> log) {
        if (features.length != targets.length) {
            throw new IllegalArgumentException(features.length + " descriptor rows for " + targets.length
                    + " targets");
        }
        checkSizes(settings, targets.length);
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("target " + i + " is " + targets[i] + "; targets must be finite");
            }
        }
        int[] permutation = shuffle(targets.length, settings.seed());
        int testSize = settings.testSize();
        int largest = Arrays.stream(settings.trainingSizes()).max().getAsInt();
        // only the test samples and the largest training set take part: index them 0 … used−1
        int used = testSize + largest;
        double[][] usedFeatures = new double[used][];
        double[] usedTargets = new double[used];
        for (int i = 0; i < used; i++) {
            usedFeatures[i] = features[permutation[i]];
            usedTargets[i] = targets[permutation[i]];
        }
        long start = System.nanoTime();
        DistanceKernel family = settings.kernel().withSigma(1.0);
        PairwiseDistances distances = PairwiseDistances.compute(usedFeatures, family.metric());
        log.accept(String.format(Locale.ROOT, "distances between %d samples (%d features, %s) in %.1f s", used,
                features[0].length, family.metric().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                seconds(start)));
        int[] test = IntStream.range(0, testSize).toArray();
        int[] pool = IntStream.range(testSize, used).toArray();
        double median = distances.medianDistance(pool, MEDIAN_SAMPLES);
        double[] sigmas = settings.sigmas() != null ? settings.sigmas()
                : Arrays.stream(DEFAULT_SIGMA_FACTORS).map(f -> f * median).toArray();
        double[] testTargets = Arrays.copyOf(usedTargets, testSize);
        List<Point> points = new ArrayList<>();
        for (int n : settings.trainingSizes()) {
            long pointStart = System.nanoTime();
            int[] training = Arrays.copyOf(pool, n);
            FittedKernelRidge model;
            double cvError = Double.NaN;
            KernelRidgeCrossValidation.Result search = null;
            if (settings.fixed()) {
                model = FittedKernelRidge.fit(family.withSigma(sigmas[0]), settings.lambdas()[0], distances, training,
                        usedTargets, true, solver);
            } else {
                log.accept(String.format(Locale.ROOT, "N = %d: %d-fold cross-validation over %d σ × %d λ", n,
                        settings.folds(), sigmas.length, settings.lambdas().length));
                long[] lastReport = {System.nanoTime()};
                search = KernelGridSearch.search(family, distances, training,
                        usedTargets, sigmas, settings.lambdas(), settings.folds(), settings.seed(), true, solver,
                        (done, total) -> {
                            if (done < total && (System.nanoTime() - lastReport[0]) * 1e-9 >= 10) {
                                lastReport[0] = System.nanoTime();
                                log.accept(String.format(Locale.ROOT, "N = %d: cross-validation %d/%d blocks, %.0f s",
                                        n, done, total, seconds(pointStart)));
                            }
                        });
                model = fitBest(search, family, distances, training, usedTargets, solver);
                cvError = search.meanAbsoluteError()[indexOf(sigmas, model.kernel().sigma())][
                        indexOf(settings.lambdas(), model.lambda())];
            }
            Metrics metrics = Metrics.of(testTargets, model.predict(distances, test));
            Point point = new Point(n, model.kernel().sigma(), model.lambda(), cvError, metrics, seconds(pointStart), search);
            points.add(point);
            log.accept(String.format(Locale.ROOT, "N = %d: σ = %.4g, λ = %.1e, test MAE %.4g, RMSE %.4g, max %.4g,"
                    + " R² %.6f (%.1f s)", n, point.sigma(), point.lambda(), metrics.meanAbsoluteError(),
                    metrics.rootMeanSquaredError(), metrics.maxAbsoluteError(), metrics.rSquared(),
                    point.seconds()));
        }
        int[] testIndices = Arrays.copyOf(permutation, testSize);
        return new Result(settings, sigmas, median, solver.name(), testIndices, List.copyOf(points));
    }

    /** Fits at the best cross-validated pair, or the next best where K + λI of all N is not positive definite. */
    private static FittedKernelRidge fitBest(KernelRidgeCrossValidation.Result search, DistanceKernel family,
                                             PairwiseDistances distances, int[] training, double[] targets,
                                             DenseCholesky solver) {
        return KernelRidgeCrossValidation.firstPositiveDefinite(search, training.length, (sigma, lambda) ->
                FittedKernelRidge.fit(family.withSigma(search.sigmas()[sigma]), search.lambdas()[lambda], distances,
                        training, targets, true, solver));
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException(value + " not in the grid");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
