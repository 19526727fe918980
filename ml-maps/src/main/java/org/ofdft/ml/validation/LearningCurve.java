package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.ofdft.ml.regression.InputChecks;
import org.ofdft.ml.regression.Learner;
import org.ofdft.ml.regression.Regressor;

/**
 * Test error against training-set size. Each repeat draws (seeded) a random held-out test set of
 * {@code testSize} samples and a random order of the remaining ones; the model for size N is trained on the
 * first N of that order, so the training sets of one repeat are nested and all sizes share one test set.
 */
public record LearningCurve(int[] trainingSizes, int testSize, int repeats, long seed) {

    /** The metrics of every repeat at one training-set size. */
    public record Point(int trainingSize, List<Metrics> repeats) {

        public Point {
            repeats = List.copyOf(repeats);
        }

        public double meanAbsoluteError() {
            return repeats.stream().mapToDouble(Metrics::meanAbsoluteError).average().orElseThrow();
        }

        public double rootMeanSquaredError() {
            return repeats.stream().mapToDouble(Metrics::rootMeanSquaredError).average().orElseThrow();
        }

        /** Sample standard deviation of the MAE over repeats (0 for one repeat). */
        public double meanAbsoluteErrorSpread() {
            if (repeats.size() < 2) {
                return 0;
            }
            double mean = meanAbsoluteError();
            double sum = 0;
            for (Metrics m : repeats) {
                sum += (m.meanAbsoluteError() - mean) * (m.meanAbsoluteError() - mean);
            }
            return Math.sqrt(sum / (repeats.size() - 1));
        }

        public double maxAbsoluteError() {
            return repeats.stream().mapToDouble(Metrics::maxAbsoluteError).max().orElseThrow();
        }
    }

    public record Result(List<Point> points) {

        public Result {
            points = List.copyOf(points);
        }

        /** A Markdown table: N, MAE (± spread), RMSE, max error, in the given unit. */
        public String markdownTable(String unit) {
            StringBuilder table = new StringBuilder();
            table.append("| N train | MAE (").append(unit).append(") | RMSE (").append(unit)
                    .append(") | max |error| (").append(unit).append(") | repeats |\n|---:|---:|---:|---:|---:|\n");
            for (Point p : points) {
                table.append(String.format(Locale.ROOT, "| %d | %.4g ± %.2g | %.4g | %.4g | %d |%n", p.trainingSize(),
                        p.meanAbsoluteError(), p.meanAbsoluteErrorSpread(), p.rootMeanSquaredError(),
                        p.maxAbsoluteError(), p.repeats().size()));
            }
            return table.toString();
        }
    }

    public LearningCurve {
        if (trainingSizes == null || trainingSizes.length == 0) {
            throw new IllegalArgumentException("a learning curve needs at least one training-set size");
        }
        trainingSizes = trainingSizes.clone();
        for (int i = 0; i < trainingSizes.length; i++) {
            if (trainingSizes[i] < 1 || (i > 0 && trainingSizes[i] <= trainingSizes[i - 1])) {
                throw new IllegalArgumentException("training-set sizes must be positive and increasing, got "
                        + Arrays.toString(trainingSizes));
            }
        }
        if (testSize < 1 || repeats < 1) {
            throw new IllegalArgumentException("test size and repeats must be ≥ 1, got " + testSize + ", " + repeats);
        }
    }

    @Override
    public int[] trainingSizes() {
        return trainingSizes.clone();
    }

    /** The same learner at every size. */
    public Result run(Learner learner, double[][] features, double[] targets) {
        return run(size -> learner, features, targets);
    }

    /** A learner chosen per training-set size (e.g. hyperparameters tuned for each N). */
    public Result run(IntFunction<Learner> learnerForSize, double[][] features, double[] targets) {
        InputChecks.requireTrainingData(features, targets);
        int n = features.length;
        int largest = trainingSizes[trainingSizes.length - 1];
        if (largest + testSize > n) {
            throw new IllegalArgumentException("learning curve needs " + largest + " training + " + testSize
                    + " test samples but the data set has " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Metrics>> metrics = new ArrayList<>();
        for (int size : trainingSizes) {
            metrics.add(new ArrayList<>());
        }
        for (int r = 0; r < repeats; r++) {
            int[] order = Splitter.permutation(n, random);
            int[] test = Arrays.copyOfRange(order, 0, testSize);
            double[][] testFeatures = Split.rows(features, test);
            double[] testTargets = Split.values(targets, test);
            for (int s = 0; s < trainingSizes.length; s++) {
                int[] train = Arrays.copyOfRange(order, testSize, testSize + trainingSizes[s]);
                Regressor model = learnerForSize.apply(trainingSizes[s])
                        .fit(Split.rows(features, train), Split.values(targets, train));
                metrics.get(s).add(Metrics.of(testTargets, model.predict(testFeatures)));
            }
        }
        List<Point> points = new ArrayList<>();
        for (int s = 0; s < trainingSizes.length; s++) {
            points.add(new Point(trainingSizes[s], metrics.get(s)));
        }
        return new Result(points);
    }
}
