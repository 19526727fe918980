package org.ofdft.ml.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.ml.model.ModelFile;
import org.ofdft.ml.model.TrainingFingerprint;

class NeuralNetworkRegressionTest {

    /** A small network learns y = sin(2x₁) + x₂² on [−1, 1]², reproducibly, and stops early. */
    @TempDir
    Path directory;

    @Test
    void learnsSmoothFunctionReproduciblyWithEarlyStopping() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[160][2];
        double[] y = new double[160];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = 2 * random.nextDouble() - 1;
            x[i][1] = 2 * random.nextDouble() - 1;
            y[i] = Math.sin(2 * x[i][0]) + x[i][1] * x[i][1];
        }
        double[][] test = new double[50][2];
        double[] truth = new double[50];
        for (int i = 0; i < test.length; i++) {
            test[i][0] = 1.8 * random.nextDouble() - 0.9;
            test[i][1] = 1.8 * random.nextDouble() - 0.9;
            truth[i] = Math.sin(2 * test[i][0]) + test[i][1] * test[i][1];
        }
        NeuralNetworkRegression learner = new NeuralNetworkRegression(new int[] {16, 16},
                NeuralNetworkModel.Activation.TANH, 0.02, 0, 32, 400, 20, 0.2, 42);
        // (stops by the patience criterion after a few hundred epochs at most, well before the 400-epoch limit)
        Standardizer standardizer = Standardizer.fit(x);
        TargetScaler scaler = TargetScaler.fit(y);
        NeuralNetworkRegression.Training training = learner.train(standardizer.transform(x), scaler.transform(y));
        Regressor model = new StandardizedRegressor(standardizer, scaler, training.model());
        double[] predicted = model.predict(test);
        double rms = 0;
        double spread = 0;
        for (int i = 0; i < truth.length; i++) {
            rms += (predicted[i] - truth[i]) * (predicted[i] - truth[i]) / truth.length;
            spread += truth[i] * truth[i] / truth.length;
        }
        assertTrue(Math.sqrt(rms) < 0.05 * Math.sqrt(spread), "test RMSE " + Math.sqrt(rms));
        assertTrue(training.terminationReason().contains("ScoreImprovement"), training.terminationReason());
        assertTrue(training.epochs() < 400 && training.bestEpoch() <= training.epochs() - 20,
                "best epoch " + training.bestEpoch() + " of " + training.epochs());
        // Same seed, same network, bit for bit; single predictions equal batch predictions.
        Regressor again = new Standardized(learner, true).fit(x, y);
        assertArrayEquals(predicted, again.predict(test));
        assertEquals(predicted[7], model.predict(test[7]), 1e-14);
        // A network rebuilt from its parameter vector (as a model file does) predicts the same.
        NeuralNetworkModel rebuilt = new NeuralNetworkModel(training.model().layerSizes(), training.model().activation(),
                training.model().parameters());
        double[][] standardizedTest = standardizer.transform(test);
        assertArrayEquals(training.model().predict(standardizedTest), rebuilt.predict(standardizedTest));
        Path file = directory.resolve("network.npz");
        ModelFile.save(file, model, TrainingFingerprint.of(x));
        assertArrayEquals(predicted, ModelFile.load(file).model().predict(test));
    }
}
