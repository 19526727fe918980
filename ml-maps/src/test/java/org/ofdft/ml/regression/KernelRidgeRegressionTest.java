package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class KernelRidgeRegressionTest {

    private static final double[][] X = SklearnReference.matrix("krr_x");
    private static final double[] Y = SklearnReference.vector("krr_y");
    private static final double[][] X_TEST = SklearnReference.matrix("krr_x_test");
    private static final JsonNode PARAMETERS = SklearnReference.json().get("kernel_ridge");

    static Kernel kernel(String name) {
        JsonNode p = PARAMETERS.get(name);
        return switch (name) {
            case "gaussian" -> new GaussianKernel(p.get("sigma").asDouble());
            case "laplacian" -> new LaplacianKernel(p.get("sigma").asDouble());
            default -> new PolynomialKernel(p.get("degree").asInt(), p.get("gamma").asDouble(), p.get("coef0").asDouble());
        };
    }

    static double lambda(String name) {
        return PARAMETERS.get(name).get("lam").asDouble();
    }

    /** scikit-learn KernelRidge with the same kernel and α = λ: dual coefficients and predictions to 1e-8. */
    @Test
    void agreesWithScikitLearnForAllKernels() {
        for (String name : new String[] {"gaussian", "laplacian", "polynomial"}) {
            KernelRidgeModel model = new KernelRidgeRegression(kernel(name), lambda(name)).fit(X, Y);
            double dualError = SklearnReference.relativeError(SklearnReference.vector("krr_" + name + "_dual_coef"),
                    model.dualCoefficients());
            double predictionError = SklearnReference.relativeError(
                    SklearnReference.vector("krr_" + name + "_predict"), model.predict(X_TEST));
            assertTrue(dualError < 1e-8, name + " dual coefficients: " + dualError);
            assertTrue(predictionError < 1e-8, name + " predictions: " + predictionError);
        }
    }

    /** make_pipeline(StandardScaler(), KernelRidge(...)): the standardization step agrees as well. */
    @Test
    void standardizedPipelineAgreesWithScikitLearn() {
        for (String name : new String[] {"gaussian", "laplacian", "polynomial"}) {
            Regressor model = new Standardized(new KernelRidgeRegression(kernel(name), lambda(name)), false).fit(X, Y);
            double error = SklearnReference.relativeError(
                    SklearnReference.vector("krr_" + name + "_standardized_predict"), model.predict(X_TEST));
            assertTrue(error < 1e-8, name + ": " + error);
        }
    }

    /** One tridiagonal reduction serves every λ: α(λ) equals the Cholesky solution for each λ. */
    @Test
    void pathMatchesCholeskyForEveryLambda() {
        GaussianKernel kernel = new GaussianKernel(1.5);
        double[] inputs = InputChecks.flatten(X);
        KernelRidgePath path = new KernelRidgePath(kernel.matrix(inputs, X.length, inputs, X.length, 4), Y);
        for (double lambda : new double[] {1e-6, 1e-3, 1e-1, 10}) {
            double[] expected = new KernelRidgeRegression(kernel, lambda).fit(X, Y).dualCoefficients();
            double error = SklearnReference.relativeError(expected, path.dualCoefficients(lambda));
            assertTrue(error < 1e-9 * Math.max(1, 1e-3 / lambda), "λ = " + lambda + ": " + error);
        }
        double[] sklearn = SklearnReference.vector("krr_gaussian_dual_coef");
        assertTrue(SklearnReference.relativeError(sklearn, path.dualCoefficients(1e-3)) < 1e-8);
    }

    /**
     * LAPACK's blocked dsytrd and EJML's reduction give the same α(λ): both are backward-stable
     * Householder reductions, so they agree to working precision times cond(K + λI).
     */
    @Test
    void lapackAndEjmlReductionsAgree() {
        GaussianKernel kernel = new GaussianKernel(1.5);
        double[] inputs = InputChecks.flatten(X);
        double[] matrix = kernel.matrix(inputs, X.length, inputs, X.length, 4);
        KernelRidgePath lapack = new KernelRidgePath(matrix, new double[][] {Y}, false, true);
        KernelRidgePath ejml = new KernelRidgePath(matrix, new double[][] {Y}, false, false);
        for (double lambda : new double[] {1e-6, 1e-3, 1e-1, 10}) {
            double error = SklearnReference.relativeError(ejml.dualCoefficients(lambda), lapack.dualCoefficients(lambda));
            assertTrue(error < 1e-10 * Math.max(1, 1e-3 / lambda), "λ = " + lambda + ": " + error);
        }
    }

    /** ∂f/∂x against central finite differences, for all three kernels and through standardization. */
    @Test
    void inputGradientMatchesFiniteDifferences() {
        for (String name : new String[] {"gaussian", "laplacian", "polynomial"}) {
            for (boolean standardized : new boolean[] {false, true}) {
                Learner learner = new KernelRidgeRegression(kernel(name), lambda(name));
                DifferentiableRegressor model = (DifferentiableRegressor) (standardized
                        ? new Standardized(learner, true).fit(X, Y) : learner.fit(X, Y));
                double[] x = X_TEST[3].clone();
                double[] gradient = new double[x.length];
                double value = model.predictWithGradient(x, gradient);
                assertEquals(model.predict(x), value, 1e-14 * Math.abs(value));
                double h = 1e-6;
                for (int i = 0; i < x.length; i++) {
                    double[] plus = x.clone();
                    double[] minus = x.clone();
                    plus[i] += h;
                    minus[i] -= h;
                    double finiteDifference = (model.predict(plus) - model.predict(minus)) / (2 * h);
                    assertEquals(finiteDifference, gradient[i], 1e-6 * Math.max(1, Math.abs(finiteDifference)),
                            name + (standardized ? " standardized" : "") + " component " + i);
                }
            }
        }
    }

    @Test
    void singularKernelMatrixSuggestsLargerLambda() {
        double[][] duplicated = {{0.0, 1.0}, {0.0, 1.0}, {2.0, 0.5}};
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new KernelRidgeRegression(new GaussianKernel(1.0), 0.0).fit(duplicated, new double[] {1, 2, 3}));
        assertTrue(error.getMessage().contains("singular") && error.getMessage().contains("larger λ"),
                error.getMessage());
    }

    /**
     * A fit whose dual coefficients do not solve (K + λI)α = y on its own training samples (as rounding makes
     * them at λ ~ 1e-14) is refused by the cross-validated fit, so that the next (σ, λ) is used; the exact
     * solution passes.
     */
    @Test
    void fitsSwampedByRoundingAreRefused() {
        double[][] x = {{0.0}, {0.7}, {1.5}, {2.2}};
        double[] y = {1.0, 0.4, -0.3, 0.8};
        GaussianKernel kernel = new GaussianKernel(0.8);
        double lambda = 1e-3;
        KernelRidgeModel exact = KernelRidgePath.fit(kernel, x, y, lambda);
        KernelRidgeCrossValidation.requireResolved(exact, x, y, 1e-9);
        double[] alpha = exact.dualCoefficients();
        alpha[2] += 1e-4;
        KernelRidgeModel perturbed = new KernelRidgeModel(kernel, lambda, new double[] {0.0, 0.7, 1.5, 2.2}, 1, alpha);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KernelRidgeCrossValidation.requireResolved(perturbed, x, y, 1e-6));
        assertTrue(refused.getMessage().contains("misses its own training targets"), refused.getMessage());
        // the same miss is acceptable for a pair whose cross-validated error is larger
        KernelRidgeCrossValidation.requireResolved(perturbed, x, y, 1e-3);
    }
}
