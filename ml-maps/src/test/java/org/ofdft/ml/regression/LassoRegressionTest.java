package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LassoRegressionTest {

    private static final double[][] X = SklearnReference.matrix("lasso_x");
    private static final double[] Y = SklearnReference.vector("lasso_y");

    /** The warm-started path reproduces scikit-learn's Lasso (tol = 1e-14) at every α, zeros included. */
    @Test
    void pathAgreesWithScikitLearn() {
        double[] alphas = {0.5, 0.2, 0.1, 0.03, 0.001};
        LassoPath path = LassoPath.fit(X, Y, alphas, true, 1e-14, 1_000_000);
        double[] coefficients = SklearnReference.vector("lasso_coef");
        double[] intercepts = SklearnReference.vector("lasso_intercept");
        for (int k = 0; k < alphas.length; k++) {
            assertEquals(alphas[k], path.alphas()[k]);
            LinearModel model = path.models().get(k);
            double[] expected = java.util.Arrays.copyOfRange(coefficients, k * 8, (k + 1) * 8);
            double[] weights = model.weights();
            assertTrue(SklearnReference.relativeError(expected, weights) < 1e-9, "α = " + alphas[k]);
            for (int j = 0; j < 8; j++) {
                assertEquals(expected[j] == 0, weights[j] == 0, "sparsity pattern at α = " + alphas[k] + ", w" + j);
            }
            assertEquals(intercepts[k], model.intercept(), 1e-9 * Math.abs(intercepts[k]));
        }
        LinearModel single = new LassoRegression(0.1, true, 1e-14, 1_000_000).fit(X, Y);
        assertTrue(SklearnReference.relativeError(java.util.Arrays.copyOfRange(coefficients, 16, 24), single.weights())
                < 1e-9);
    }

    /** At α_max the solution is exactly zero and just below it one weight becomes non-zero. */
    @Test
    void maximalAlphaIsTheFirstNonZeroSolution() {
        double alphaMax = LassoPath.maximalAlpha(X, Y);
        LassoPath path = LassoPath.fit(X, Y, 1e-3, 20, 1e-10);
        assertEquals(alphaMax, path.alphas()[0], 1e-15 * alphaMax);
        for (double w : path.models().get(0).weights()) {
            assertEquals(0.0, w);
        }
        long nonZero = java.util.Arrays.stream(new LassoRegression(0.999 * alphaMax, true, 1e-12, 100_000).fit(X, Y)
                .weights()).filter(w -> w != 0).count();
        assertEquals(1, nonZero);
    }
}
