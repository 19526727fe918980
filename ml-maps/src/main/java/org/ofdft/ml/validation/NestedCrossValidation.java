package org.ofdft.ml.validation;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.ml.regression.InputChecks;
import org.ofdft.ml.regression.KernelRidgeModel;

/**
 * Nested cross-validation of kernel ridge regression: in every outer split, (σ, λ) are chosen by the grid
 * search on inner splits of the outer training set only, the model is refitted there, and scored on the
 * outer test set, which never influenced the hyperparameters (Cawley & Talbot, JMLR 11, 2079 (2010)).
 */
public record NestedCrossValidation(KernelRidgeGridSearch search, Splitter inner) {

    /** One outer split: the hyperparameters chosen inside it and the outer test metrics. */
    public record Fold(Split split, double sigma, double lambda, double[] predictions, Metrics metrics) {
    }

    public record Result(List<Fold> folds, Metrics pooled) {

        public Result {
            folds = List.copyOf(folds);
        }
    }

    public Result run(double[][] features, double[] targets, Splitter outer) {
        InputChecks.requireTrainingData(features, targets);
        List<Split> outerSplits = outer.splits(features.length);
        CrossValidation.requireIndices(outerSplits, features.length);
        List<Fold> folds = new ArrayList<>();
        List<double[]> truth = new ArrayList<>();
        for (Split split : outerSplits) {
            double[][] trainFeatures = Split.rows(features, split.train());
            double[] trainTargets = Split.values(targets, split.train());
            KernelRidgeModel model = search.fitBest(trainFeatures, trainTargets, inner);
            double[] predictions = model.predict(Split.rows(features, split.test()));
            double[] testTargets = Split.values(targets, split.test());
            double sigma = ((org.ofdft.ml.regression.DistanceKernel) model.kernel()).sigma();
            folds.add(new Fold(split, sigma, model.lambda(), predictions, Metrics.of(testTargets, predictions)));
            truth.add(testTargets);
        }
        int total = truth.stream().mapToInt(t -> t.length).sum();
        double[] allTruth = new double[total];
        double[] allPredicted = new double[total];
        int at = 0;
        for (int f = 0; f < folds.size(); f++) {
            System.arraycopy(truth.get(f), 0, allTruth, at, truth.get(f).length);
            System.arraycopy(folds.get(f).predictions(), 0, allPredicted, at, truth.get(f).length);
            at += truth.get(f).length;
        }
        return new Result(folds, Metrics.of(allTruth, allPredicted));
    }
}
