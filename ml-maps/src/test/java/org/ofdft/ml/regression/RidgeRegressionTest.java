package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RidgeRegressionTest {

    /** scikit-learn Ridge(alpha=0.7, fit_intercept=True, solver='cholesky'): coefficients, intercept, predictions. */
    @Test
    void agreesWithScikitLearn() {
        LinearModel model = new RidgeRegression(0.7).fit(SklearnReference.matrix("ridge_x"),
                SklearnReference.vector("ridge_y"));
        assertTrue(SklearnReference.relativeError(SklearnReference.vector("ridge_coef"), model.weights()) < 1e-10);
        double intercept = SklearnReference.json().get("ridge").get("intercept").asDouble();
        assertEquals(intercept, model.intercept(), 1e-10 * Math.abs(intercept));
        double[] predictions = model.predict(SklearnReference.matrix("ridge_x_test"));
        assertTrue(SklearnReference.relativeError(SklearnReference.vector("ridge_predict"), predictions) < 1e-10);
    }

    /** λ = 0 on exact linear data recovers the generating weights (ordinary least squares). */
    @Test
    void recoversExactLinearModel() {
        double[][] x = {{0, 1}, {1, 0}, {2, 3}, {-1, 4}, {3, -2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2.5 * x[i][0] - 1.25 * x[i][1] + 0.5;
        }
        LinearModel model = new RidgeRegression(0.0).fit(x, y);
        assertEquals(2.5, model.weights()[0], 1e-12);
        assertEquals(-1.25, model.weights()[1], 1e-12);
        assertEquals(0.5, model.intercept(), 1e-12);
    }

    @Test
    void collinearFeaturesWithoutRegularizationAreRefused() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}};
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RidgeRegression(0.0).fit(x, new double[] {1, 2, 3}));
        assertTrue(error.getMessage().contains("larger λ"), error.getMessage());
    }
}
