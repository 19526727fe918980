package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.ml.regression.InputChecks;
import org.ofdft.ml.regression.Learner;
import org.ofdft.ml.regression.Regressor;

/** Fits a learner on each split's training set and scores it on the split's test set. */
public final class CrossValidation {

    /** One split's test predictions and their metrics. */
    public record Fold(Split split, double[] predictions, Metrics metrics) {
    }

    /** All folds, and the metrics of all test predictions pooled together. */
    public record Result(List<Fold> folds, Metrics pooled) {

        public Result {
            folds = List.copyOf(folds);
        }

        /** The mean over folds of one error measure (scikit-learn's cross_val_score average). */
        public double meanOverFolds(Metrics.Criterion criterion) {
            double sum = 0;
            for (Fold fold : folds) {
                sum += criterion.of(fold.metrics());
            }
            return sum / folds.size();
        }

        /**
         * The prediction for every sample from the fold that tested it (scikit-learn's cross_val_predict);
         * requires every sample to be tested exactly once (k-fold, leave-one-cluster-out).
         */
        public double[] outOfFoldPredictions(int sampleCount) {
            double[] predictions = new double[sampleCount];
            int[] times = new int[sampleCount];
            for (Fold fold : folds) {
                int[] test = fold.split().test();
                for (int i = 0; i < test.length; i++) {
                    predictions[test[i]] = fold.predictions()[i];
                    times[test[i]]++;
                }
            }
            for (int i = 0; i < sampleCount; i++) {
                if (times[i] != 1) {
                    throw new IllegalStateException("sample " + i + " was tested " + times[i]
                            + " times; out-of-fold predictions need a partition (k-fold, leave-one-cluster-out)");
                }
            }
            return predictions;
        }
    }

    private CrossValidation() {
    }

    public static Result run(Learner learner, double[][] features, double[] targets, Splitter splitter) {
        InputChecks.requireTrainingData(features, targets);
        return run(learner, features, targets, splitter.splits(features.length));
    }

    public static Result run(Learner learner, double[][] features, double[] targets, List<Split> splits) {
        InputChecks.requireTrainingData(features, targets);
        requireIndices(splits, features.length);
        List<Fold> folds = new ArrayList<>(splits.size());
        List<Double> allTruth = new ArrayList<>();
        List<Double> allPredicted = new ArrayList<>();
        for (Split split : splits) {
            int[] train = split.train();
            int[] test = split.test();
            Regressor model = learner.fit(Split.rows(features, train), Split.values(targets, train));
            double[] predictions = model.predict(Split.rows(features, test));
            double[] truth = Split.values(targets, test);
            folds.add(new Fold(split, predictions, Metrics.of(truth, predictions)));
            for (int i = 0; i < test.length; i++) {
                allTruth.add(truth[i]);
                allPredicted.add(predictions[i]);
            }
        }
        return new Result(folds, Metrics.of(allTruth.stream().mapToDouble(Double::doubleValue).toArray(),
                allPredicted.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    static void requireIndices(List<Split> splits, int sampleCount) {
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("no splits to validate on");
        }
        for (int s = 0; s < splits.size(); s++) {
            for (int[] indices : new int[][] {splits.get(s).train(), splits.get(s).test()}) {
                for (int index : indices) {
                    if (index < 0 || index >= sampleCount) {
                        throw new IllegalArgumentException("split " + s + " refers to sample " + index + " but there are "
                                + sampleCount + " samples");
                    }
                }
            }
        }
    }
}
