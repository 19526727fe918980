package org.ofdft.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.LaplacianKernel;
import org.ofdft.ml.regression.SklearnReference;

class KernelRidgeGridSearchTest {

    private static final double[][] X = SklearnReference.matrix("krr_x");
    private static final double[] Y = SklearnReference.vector("krr_y");
    private static final double[] SIGMAS = {0.5, 1.0, 2.0, 4.0};
    private static final double[] LAMBDAS = {1e-6, 1e-4, 1e-2, 1};

    /** Every grid score equals cross-validating a separately Cholesky-fitted model at that (σ, λ). */
    @Test
    void scoresEqualIndependentCrossValidation() {
        List<Split> splits = new KFold(5, true, 2).splits(X.length);
        for (var family : new org.ofdft.ml.regression.DistanceKernel[] {new GaussianKernel(1), new LaplacianKernel(1)}) {
            KernelRidgeGridSearch.Result result = new KernelRidgeGridSearch(family, SIGMAS, LAMBDAS,
                    Metrics.Criterion.MAE, 2).search(X, Y, splits);
            for (int k = 0; k < SIGMAS.length; k++) {
                for (int l = 0; l < LAMBDAS.length; l++) {
                    double expected = CrossValidation.run(new KernelRidgeRegression(family.withSigma(SIGMAS[k]),
                            LAMBDAS[l]), X, Y, splits).meanOverFolds(Metrics.Criterion.MAE);
                    assertEquals(expected, result.meanError()[k][l], 1e-8 * expected,
                            family.getClass().getSimpleName() + " σ = " + SIGMAS[k] + ", λ = " + LAMBDAS[l]);
                    assertTrue(result.bestError() <= result.meanError()[k][l]);
                }
            }
        }
    }

    /** The result does not depend on the number of threads. */
    @Test
    void independentOfThreadCount() {
        List<Split> splits = new MonteCarloSplit(3, 0.2, 9).splits(X.length);
        var one = new KernelRidgeGridSearch(new GaussianKernel(1), SIGMAS, LAMBDAS, Metrics.Criterion.RMSE, 1)
                .search(X, Y, splits);
        var two = new KernelRidgeGridSearch(new GaussianKernel(1), SIGMAS, LAMBDAS, Metrics.Criterion.RMSE, 2)
                .search(X, Y, splits);
        for (int k = 0; k < SIGMAS.length; k++) {
            assertArrayEquals(one.meanError()[k], two.meanError()[k]);
        }
    }

    /** Nested CV: each outer fold's (σ, λ) is the inner search's choice on that fold's training set only. */
    @Test
    void nestedCrossValidationTunesInsideEachOuterFold() {
        KernelRidgeGridSearch search = new KernelRidgeGridSearch(new GaussianKernel(1), SIGMAS, LAMBDAS,
                Metrics.Criterion.MAE, 2);
        Splitter inner = new KFold(4, true, 5);
        NestedCrossValidation.Result result = new NestedCrossValidation(search, inner).run(X, Y, new KFold(3));
        assertEquals(3, result.folds().size());
        assertEquals(X.length, result.pooled().count());
        for (NestedCrossValidation.Fold fold : result.folds()) {
            double[][] trainX = Split.rows(X, fold.split().train());
            double[] trainY = Split.values(Y, fold.split().train());
            var direct = search.search(trainX, trainY, inner.splits(trainX.length));
            assertEquals(direct.bestSigma(), fold.sigma());
            assertEquals(direct.bestLambda(), fold.lambda());
            double[] refitted = new KernelRidgeRegression(new GaussianKernel(fold.sigma()), fold.lambda())
                    .fit(trainX, trainY).predict(Split.rows(X, fold.split().test()));
            assertArrayEquals(refitted, fold.predictions());
        }
    }
}
