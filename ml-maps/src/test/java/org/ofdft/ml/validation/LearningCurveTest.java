package org.ofdft.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.ml.regression.GaussianKernel;
import org.ofdft.ml.regression.KernelRidgeRegression;
import org.ofdft.ml.regression.RidgeRegression;

class LearningCurveTest {

    /** Exact linear data: ridge with λ = 0 has zero test error at every N ≥ d + 1. */
    @Test
    void exactModelHasZeroError() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[40][3];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextDouble();
            }
            y[i] = 1 + 2 * x[i][0] - x[i][1] + 0.5 * x[i][2];
        }
        LearningCurve.Result result = new LearningCurve(new int[] {5, 10, 20}, 10, 2, 3)
                .run(new RidgeRegression(0.0), x, y);
        for (LearningCurve.Point point : result.points()) {
            assertEquals(0.0, point.meanAbsoluteError(), 1e-12);
        }
    }

    /** KRR on a smooth 1D function: the error falls with N; the table and the PNG are written. */
    @Test
    void errorFallsWithTrainingSizeAndPlotIsWritten(@TempDir Path directory) throws Exception {
        double[][] x = new double[200][1];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i][0] = -3 + 6.0 * i / 199;
            y[i] = Math.sin(2 * x[i][0]);
        }
        LearningCurve curve = new LearningCurve(new int[] {5, 10, 20, 40, 80}, 50, 3, 7);
        LearningCurve.Result result = curve.run(new KernelRidgeRegression(new GaussianKernel(0.5), 1e-8), x, y);
        assertEquals(result.markdownTable("Ha"), curve.run(new KernelRidgeRegression(new GaussianKernel(0.5), 1e-8), x, y)
                .markdownTable("Ha"));
        double first = result.points().get(0).meanAbsoluteError();
        double last = result.points().get(4).meanAbsoluteError();
        assertTrue(last < 1e-3 * first, "MAE " + first + " at N = 5, " + last + " at N = 80");
        String table = result.markdownTable("Ha");
        assertTrue(table.startsWith("| N train | MAE (Ha)"), table);
        assertEquals(2 + 5, table.split("\n").length);
        Path png = directory.resolve("learning_curve.png");
        LearningCurvePlot.write(png, result, "KRR on sin(2x)", "Ha");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    }
}
