package org.ofdft.ml.validation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.GaussianProcessHyperparameters;
import org.ofdft.ml.regression.GaussianProcessRegression;
import org.ofdft.ml.regression.KernelRidgePath;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.LassoRegression;
import org.ofdft.ml.regression.RidgeRegression;
import org.ofdft.ml.regression.Standardized;

/** Every kind of bad input of issue 9 fails with a message naming the cause. */
class BadInputTest {

    private static final double[][] X = {{0.0, 1.0}, {1.0, 0.5}, {2.0, -1.0}, {3.0, 2.0}};
    private static final double[] Y = {1, 2, 3, 4};

    private static void assertMessage(Executable action, String... fragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "'" + error.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void mismatchedFeatureAndTargetLengths() {
        double[] three = {1, 2, 3};
        assertMessage(() -> new RidgeRegression(1).fit(X, three), "4 rows", "3 values");
        assertMessage(() -> new KernelRidgeRegression(new GaussianKernel(1), 1).fit(X, three), "4 rows", "3 values");
        assertMessage(() -> new LassoRegression(0.1).fit(X, three), "4 rows", "3 values");
        assertMessage(() -> CrossValidation.run(new RidgeRegression(1), X, three, new KFold(2)), "4 rows", "3 values");
    }

    @Test
    void nonFiniteFeaturesAndRaggedRows() {
        double[][] nan = {{0.0, 1.0}, {1.0, Double.NaN}, {2.0, -1.0}, {3.0, 2.0}};
        double[][] infinite = {{0.0, 1.0}, {1.0, 0.0}, {Double.POSITIVE_INFINITY, -1.0}, {3.0, 2.0}};
        double[][] ragged = {{0.0, 1.0}, {1.0}, {2.0, -1.0}, {3.0, 2.0}};
        assertMessage(() -> new KernelRidgeRegression(new GaussianKernel(1), 1).fit(nan, Y), "features[1][1]", "NaN");
        assertMessage(() -> new Standardized(new RidgeRegression(1), true).fit(infinite, Y), "features[2][0]",
                "Infinity");
        assertMessage(() -> GaussianProcessRegression.fixed(new GaussianProcessHyperparameters(1, 1, 0.1))
                .fit(ragged, Y), "features[1]", "1 features");
        assertMessage(() -> new RidgeRegression(1).fit(X, new double[] {1, Double.NaN, 3, 4}), "targets[1]");
    }

    @Test
    void emptyCluster() {
        assertMessage(() -> new LeaveOneClusterOut(new int[] {0, 0, 2, 2}), "cluster 1", "empty");
        double[][] twoDistinct = {{0.0, 0.0}, {0.0, 0.0}, {1.0, 1.0}, {1.0, 1.0}};
        assertMessage(() -> new KMeans(3, 4).fit(twoDistinct), "2 distinct points", "3 clusters");
    }

    @Test
    void moreFoldsThanSamples() {
        assertMessage(() -> new KFold(5).splits(4), "more folds (5) than samples (4)");
        assertMessage(() -> CrossValidation.run(new RidgeRegression(1), X, Y, new KFold(6)), "more folds");
    }

    @Test
    void singularKernelMatrix() {
        double[][] duplicated = {{0.0, 1.0}, {0.0, 1.0}, {2.0, 0.5}, {3.0, 2.0}};
        assertMessage(() -> new KernelRidgeRegression(new GaussianKernel(1), 0).fit(duplicated, Y), "singular",
                "larger λ");
        // a width far beyond the data spread makes K numerically rank one
        assertMessage(() -> new KernelRidgeRegression(new GaussianKernel(1e6), 1e-30).fit(X, Y), "singular",
                "larger λ");
        double[] rankOne = {1, 1, 1, 1};
        assertMessage(() -> new KernelRidgePath(rankOne, new double[] {1, 2}).dualCoefficients(-1), "λ");
        KernelRidgeGridSearch search = new KernelRidgeGridSearch(new GaussianKernel(1), new double[] {1e6},
                new double[] {1e-300}, Metrics.Criterion.MAE, 1);
        assertMessage(() -> search.search(duplicated, Y, new KFold(2).splits(4)), "singular", "larger λ");
    }
}
