package org.ofdft.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.SklearnReference;

class CrossValidationTest {

    /** Unshuffled KFold(5) on 23 samples: the same test folds as scikit-learn's KFold(n_splits=5). */
    @Test
    void unshuffledFoldsMatchScikitLearn() {
        JsonNode expected = SklearnReference.json().get("kfold_23_5_test_indices");
        List<Split> splits = new KFold(5).splits(23);
        assertEquals(expected.size(), splits.size());
        for (int f = 0; f < splits.size(); f++) {
            int[] reference = new int[expected.get(f).size()];
            for (int i = 0; i < reference.length; i++) {
                reference[i] = expected.get(f).get(i).asInt();
            }
            assertArrayEquals(reference, splits.get(f).test());
            assertEquals(23 - reference.length, splits.get(f).trainSize());
        }
    }

    /** cross_val_predict(KernelRidge(rbf), cv=KFold(5)) reproduced to 1e-8 with the same splits. */
    @Test
    void outOfFoldPredictionsMatchScikitLearn() {
        double[][] x = Arrays.copyOf(SklearnReference.matrix("krr_x"), 23);
        double[] y = Arrays.copyOf(SklearnReference.vector("krr_y"), 23);
        CrossValidation.Result result = CrossValidation.run(new KernelRidgeRegression(new GaussianKernel(1.2), 1e-2),
                x, y, new KFold(5));
        double error = SklearnReference.relativeError(SklearnReference.vector("cv_krr_gaussian_oof_predict"),
                result.outOfFoldPredictions(23));
        assertTrue(error < 1e-8, "relative error " + error);
        assertEquals(23, result.pooled().count());
    }

    /** Shuffled folds: a seeded partition (every sample tested once), repeatable, and different per seed. */
    @Test
    void shuffledFoldsArePartitionsAndRepeatable() {
        List<Split> first = new KFold(4, true, 11).splits(30);
        assertEquals(first, new KFold(4, true, 11).splits(30));
        assertNotEquals(first, new KFold(4, true, 12).splits(30));
        int[] tested = new int[30];
        for (Split split : first) {
            for (int i : split.test()) {
                tested[i]++;
            }
            assertEquals(30, split.trainSize() + split.testSize());
        }
        for (int count : tested) {
            assertEquals(1, count);
        }
    }

    @Test
    void monteCarloSplitsAreDisjointAndSeeded() {
        List<Split> splits = new MonteCarloSplit(6, 0.25, 3).splits(41);
        assertEquals(6, splits.size());
        assertEquals(splits, new MonteCarloSplit(6, 0.25, 3).splits(41));
        for (Split split : splits) {
            assertEquals(10, split.testSize());
            assertEquals(31, split.trainSize());
            boolean[] seen = new boolean[41];
            for (int i : split.test()) {
                seen[i] = true;
            }
            for (int i : split.train()) {
                assertTrue(!seen[i]);
            }
        }
        assertNotEquals(splits.get(0), splits.get(1));
    }

    /** Hand-computed metrics: errors (1, −2, 0, 1) on y = (1, 2, 3, 4). */
    @Test
    void metricsOfAKnownExample() {
        Metrics m = Metrics.of(new double[] {1, 2, 3, 4}, new double[] {0, 4, 3, 3});
        assertEquals(1.0, m.meanAbsoluteError(), 1e-15);
        assertEquals(Math.sqrt(6.0 / 4), m.rootMeanSquaredError(), 1e-15);
        assertEquals(2.0, m.maxAbsoluteError());
        assertEquals(1 - 6.0 / 5.0, m.rSquared(), 1e-15);
    }
}
