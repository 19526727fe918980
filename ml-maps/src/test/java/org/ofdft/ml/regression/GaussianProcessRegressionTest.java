package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GaussianProcessRegressionTest {

    private static final double[][] X = SklearnReference.matrix("gpr_x");
    private static final double[] Y = SklearnReference.vector("gpr_y");
    private static final double[][] X_TEST = SklearnReference.matrix("gpr_x_test");
    private static final JsonNode REFERENCE = SklearnReference.json();

    private static double[] observationStd(GaussianProcessModel model) {
        double[] std = new double[X_TEST.length];
        for (int i = 0; i < std.length; i++) {
            std[i] = Math.sqrt(model.observationVariance(X_TEST[i]));
        }
        return std;
    }

    /** Fixed kernel C(1.3)·RBF(0.9) + White(0.05), alpha = 0: mean, std and log p(y|X) and its gradient vs sklearn. */
    @Test
    void fixedHyperparametersAgreeWithScikitLearn() {
        GaussianProcessHyperparameters parameters = new GaussianProcessHyperparameters(1.3, 0.9, 0.05);
        GaussianProcessModel model = GaussianProcessRegression.fixed(parameters).fit(X, Y);
        double meanError = SklearnReference.relativeError(SklearnReference.vector("gpr_fixed_mean"), model.predict(X_TEST));
        double stdError = SklearnReference.relativeError(SklearnReference.vector("gpr_fixed_std"), observationStd(model));
        assertTrue(meanError < 1e-8, "mean: " + meanError);
        assertTrue(stdError < 1e-8, "std: " + stdError);
        double expected = REFERENCE.get("gpr_fixed").get("log_marginal_likelihood").asDouble();
        assertEquals(expected, model.logMarginalLikelihood(), 1e-10 * Math.abs(expected));
        double[] gradient = new double[3];
        double value = new LogMarginalLikelihood(X, Y).valueAndGradient(parameters.logParameters(), gradient);
        assertEquals(expected, value, 1e-10 * Math.abs(expected));
        assertTrue(SklearnReference.relativeError(SklearnReference.vector("gpr_fixed_lml_gradient"), gradient) < 1e-8);
    }

    /** The analytic gradient of log p(y|X, θ) against central differences at an arbitrary θ. */
    @Test
    void likelihoodGradientMatchesFiniteDifferences() {
        LogMarginalLikelihood likelihood = new LogMarginalLikelihood(X, Y);
        double[] theta = {Math.log(0.7), Math.log(1.9), Math.log(0.2)};
        double[] gradient = new double[3];
        likelihood.valueAndGradient(theta, gradient);
        double h = 1e-5;
        for (int i = 0; i < 3; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double difference = (likelihood.valueAndGradient(plus, null) - likelihood.valueAndGradient(minus, null))
                    / (2 * h);
            assertEquals(difference, gradient[i], 1e-7 * Math.max(1, Math.abs(difference)), "component " + i);
        }
    }

    /** Maximized log marginal likelihood (5 restarts) vs sklearn's, tightly converged: 1e-8 relative. */
    @Test
    void optimizedLikelihoodAgreesWithScikitLearn() {
        GaussianProcessModel model = GaussianProcessRegression
                .optimized(new GaussianProcessHyperparameters(1.3, 0.9, 0.05), 5, 7).fit(X, Y);
        JsonNode tight = REFERENCE.get("gpr_optimized").get("tight");
        double expected = tight.get("log_marginal_likelihood").asDouble();
        assertEquals(expected, model.logMarginalLikelihood(), 1e-8 * Math.abs(expected));
        GaussianProcessHyperparameters found = model.hyperparameters();
        assertEquals(tight.get("length_scale").asDouble(), found.lengthScale(), 1e-5 * found.lengthScale());
        assertEquals(tight.get("signal_variance").asDouble(), found.signalVariance(), 1e-5 * found.signalVariance());
        assertEquals(tight.get("noise_variance").asDouble(), found.noiseVariance(), 1e-5 * found.noiseVariance());
        double meanError = SklearnReference.relativeError(SklearnReference.vector("gpr_optimized_mean"),
                model.predict(X_TEST));
        double stdError = SklearnReference.relativeError(SklearnReference.vector("gpr_optimized_std"),
                observationStd(model));
        assertTrue(meanError < 1e-6, "mean at the optimum: " + meanError);
        assertTrue(stdError < 1e-6, "std at the optimum: " + stdError);
    }

    /** ∂f̄/∂x against central differences; the latent variance vanishes at a noise-free training point. */
    @Test
    void meanGradientAndVarianceLimits() {
        GaussianProcessModel model = GaussianProcessRegression.fixed(new GaussianProcessHyperparameters(1.3, 0.9, 0.05))
                .fit(X, Y);
        double[] x = X_TEST[2].clone();
        double[] gradient = new double[2];
        model.predictWithGradient(x, gradient);
        for (int i = 0; i < 2; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            assertEquals((model.predict(plus) - model.predict(minus)) / 2e-6, gradient[i], 1e-7);
        }
        // far from the data the latent variance returns to the prior σ_f²
        assertEquals(1.3, model.predictiveVariance(new double[] {100, 100}), 1e-12);
        GaussianProcessModel almostNoiseless = GaussianProcessRegression
                .fixed(new GaussianProcessHyperparameters(1.3, 0.9, 1e-10)).fit(X, Y);
        assertTrue(almostNoiseless.predictiveVariance(X[4]) < 1e-9);
        assertEquals(Y[4], almostNoiseless.predict(X[4]), 1e-6);
    }
}
